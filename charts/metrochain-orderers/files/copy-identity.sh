# Init container of every orderer pod. The projected volume at $IDENTITY_SOURCES holds one folder per ordinal,
# orderer-<n>, from the Secret $ORDERER_SECRET_PREFIX-<n> (the same keys as an NMI peer's Secret); only this init
# container mounts it. Ordinal n runs as orderer<n+1>: this copies its own folder into the in-memory $IDENTITY_DIR,
# the only identity the orderer container sees, and writes the MSP's Node OU config. Missing material stops the pod
# here, loudly, instead of starting without an identity.
set -eu

FILES='msp/signcerts/cert.pem msp/keystore/key.pem msp/cacerts/ca.pem msp/tlscacerts/ca.pem tls/server.crt tls/server.key tls/ca.crt'

# The Secret key the projected volume maps to a file of the layout (templates/orderer-statefulset.yaml).
secret_key_of() {
  case $1 in
    msp/signcerts/cert.pem) echo signcert.pem ;;
    msp/keystore/key.pem) echo key.pem ;;
    msp/cacerts/ca.pem) echo cacert.pem ;;
    msp/tlscacerts/ca.pem) echo tlscacert.pem ;;
    tls/server.crt) echo tls.crt ;;
    tls/server.key) echo tls.key ;;
    tls/ca.crt) echo ca.crt ;;
    *) echo "$1" ;;
  esac
}

ordinal="${POD_NAME##*-}"
case "$ordinal" in
  '' | *[!0-9]*)
    echo "orderer identity: cannot read an ordinal from the pod name '$POD_NAME'" >&2
    exit 1
    ;;
esac
identity="orderer$((ordinal + 1))"
secret="Secret $ORDERER_SECRET_PREFIX-$ordinal"
source="$IDENTITY_SOURCES/orderer-$ordinal"
missing=""
for file in $FILES; do
  [ -s "$source/$file" ] || missing="$missing $(secret_key_of "$file")"
done
if [ -n "$missing" ]; then
  echo "orderer identity: pod $POD_NAME is $identity but $secret is missing or lacks the keys$missing" >&2
  echo "(create it before raising orderer.replicas; see the chart README, 'Identities')" >&2
  exit 1
fi
# A restarted pod sandbox runs this again over the read-only copies it left.
rm -rf "$IDENTITY_DIR/msp" "$IDENTITY_DIR/tls"
for file in $FILES; do
  mkdir -p "$IDENTITY_DIR/$(dirname "$file")"
  cp "$source/$file" "$IDENTITY_DIR/$file"
done
# Node OUs as cryptogen writes them, naming the layout's one CA certificate (the chart writes its own config.yaml,
# as the NMI chart does for its peers, so the Secret carries none).
{
  echo 'NodeOUs:'
  echo '  Enable: true'
  for role in client peer admin orderer; do
    case $role in
      client) key=ClientOUIdentifier ;;
      peer) key=PeerOUIdentifier ;;
      admin) key=AdminOUIdentifier ;;
      orderer) key=OrdererOUIdentifier ;;
    esac
    echo "  $key:"
    echo '    Certificate: cacerts/ca.pem'
    echo "    OrganizationalUnitIdentifier: $role"
  done
} >"$IDENTITY_DIR/msp/config.yaml"
chmod 0400 "$IDENTITY_DIR/msp/keystore/key.pem" "$IDENTITY_DIR/tls/server.key"
echo "orderer identity: $POD_NAME runs as $identity (from $secret)"
