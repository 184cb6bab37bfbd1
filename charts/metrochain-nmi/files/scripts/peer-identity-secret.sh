# shellcheck shell=sh source-path=SCRIPTDIR
# Init container of a peer pod (peer.identity.source: secret). The projected volume at $IDENTITY_SOURCES holds one
# folder per ordinal, peer-<n>, from the Secret $PEER_SECRET_PREFIX-<n>; only this init container mounts it. This
# script copies its own ordinal's folder into the in-memory $IDENTITY_DIR, the only identity the peer container sees.
set -eu
. "$SCRIPTS_DIR/peer-identity-lib.sh"

# The Secret key the projected volume maps to a file of the layout (templates/peer-statefulset.yaml).
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

ordinal=$(ordinal_of "$POD_NAME")
source_dir="$IDENTITY_SOURCES/peer-$ordinal"
secret="Secret $PEER_SECRET_PREFIX-$ordinal"
missing=$(missing_identity_files "$source_dir")
if [ -n "$missing" ]; then
  keys=''
  for file in $missing; do
    keys="$keys $(secret_key_of "$file")"
  done
  fail "peer$ordinal.$PEER_DOMAIN has no identity: $secret is missing or lacks the keys$keys" \
    "(create it before raising peer.replicas; see the chart README, 'Scaling endorsers')"
fi
for file in $IDENTITY_FILES; do
  mkdir -p "$IDENTITY_DIR/$(dirname "$file")"
  cp "$source_dir/$file" "$IDENTITY_DIR/$file"
done
finish_identity "$IDENTITY_DIR" "$ordinal" "$secret"
