# Init container of every orderer pod: copies this ordinal's identity (orderer<ordinal+1>) from the projected
# volume of all ordinals' Secrets into the in-memory volume the orderer reads. The orderer container never mounts
# the other ordinals' keys. Missing material stops the pod here, loudly, instead of starting without an identity.
set -eu
ordinal="${POD_NAME##*-}"
case "$ordinal" in
  '' | *[!0-9]*) echo "cannot read an ordinal from pod name $POD_NAME" >&2; exit 1 ;;
esac
identity="orderer$((ordinal + 1))"
source="/identity-sources/$identity"
missing=""
for file in msp/signcerts/cert.pem msp/keystore/key.pem msp/cacerts/ca.pem msp/tlscacerts/tlsca.pem \
  msp/config.yaml tls/server.crt tls/server.key tls/ca.crt; do
  if [ ! -s "$source/$file" ]; then
    missing="$missing $file"
  fi
done
if [ -n "$missing" ]; then
  echo "pod $POD_NAME is $identity but its material is missing:$missing" >&2
  echo "create Secrets ${SECRET_PREFIX}${identity}-msp and ${SECRET_PREFIX}${identity}-tls (chart README)" >&2
  exit 1
fi
# A restarted pod sandbox runs this again over the read-only copies it left.
rm -rf /identity/msp /identity/tls
mkdir -p /identity/msp/signcerts /identity/msp/keystore /identity/msp/cacerts /identity/msp/tlscacerts /identity/tls
for file in msp/signcerts/cert.pem msp/keystore/key.pem msp/cacerts/ca.pem msp/tlscacerts/tlsca.pem \
  msp/config.yaml tls/server.crt tls/server.key tls/ca.crt; do
  cp "$source/$file" "/identity/$file"
done
chmod 0400 /identity/msp/keystore/key.pem /identity/tls/server.key
echo "$POD_NAME runs as $identity"
