# shellcheck shell=sh
# Init container of a peer pod (peer.identity.source: secret). The projected volume at $IDENTITY_SOURCES holds one
# folder per ordinal, peer-<n>, from the Secret $PEER_SECRET_PREFIX-<n>; only this init container mounts it. This
# script copies its own ordinal's folder into the in-memory $IDENTITY_DIR, the only identity the peer container sees.
set -eu
. "$SCRIPTS_DIR/peer-identity-lib.sh"

ordinal=$(ordinal_of "$POD_NAME")
source_dir="$IDENTITY_SOURCES/peer-$ordinal"
secret="Secret $PEER_SECRET_PREFIX-$ordinal"
missing=$(missing_identity_files "$source_dir")
if [ -n "$missing" ]; then
  fail "peer$ordinal.$PEER_DOMAIN has no identity: $secret lacks:$missing" \
    "(create the Secret before raising peer.replicas; see the chart README, 'Scaling endorsers')"
fi
for file in $IDENTITY_FILES msp/config.yaml; do
  [ -s "$source_dir/$file" ] || continue
  mkdir -p "$IDENTITY_DIR/$(dirname "$file")"
  cp "$source_dir/$file" "$IDENTITY_DIR/$file"
done
finish_identity "$IDENTITY_DIR" "$ordinal" "$secret"
