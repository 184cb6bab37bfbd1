# shellcheck shell=sh source-path=SCRIPTDIR
# Entry point of the peer container. The image's core.yaml holds every shared setting; the StatefulSet's env holds the
# per-pod addresses; this script adds the three keys that depend on the ordinal, then becomes the peer.
set -eu
# ordinal_of, from the identity init container's script (which has already checked the pod name).
NODE_KIND=peer NODE_IDENTITY_LIBRARY=1
. "$SCRIPTS_DIR/node-identity.sh"

ordinal=$(ordinal_of "$POD_NAME")
export CORE_PEER_ID="peer$ordinal.$PEER_DOMAIN"
# Gossip bootstraps from another peer of this NMI: ordinal 0 from 1, every other ordinal from 0.
if [ "$PEER_REPLICAS" -eq 1 ]; then
  bootstrap=$ordinal
elif [ "$ordinal" -eq 0 ]; then
  bootstrap=1
else
  bootstrap=0
fi
export CORE_PEER_GOSSIP_BOOTSTRAP="$PEER_STATEFULSET-$bootstrap.$PEER_SUBDOMAIN:$PEER_PORT"
# Other NMIs reach this peer at its external endpoint: the template with {ordinal} replaced, else its cluster address.
if [ -n "$PEER_EXTERNAL_ENDPOINT_TEMPLATE" ]; then
  CORE_PEER_GOSSIP_EXTERNALENDPOINT=$(printf '%s\n' "$PEER_EXTERNAL_ENDPOINT_TEMPLATE" | sed "s/{ordinal}/$ordinal/g")
else
  CORE_PEER_GOSSIP_EXTERNALENDPOINT=$CORE_PEER_ADDRESS
fi
export CORE_PEER_GOSSIP_EXTERNALENDPOINT
echo "starting $CORE_PEER_ID at $CORE_PEER_ADDRESS (external $CORE_PEER_GOSSIP_EXTERNALENDPOINT, bootstrap $CORE_PEER_GOSSIP_BOOTSTRAP)"
exec /usr/local/bin/peer node start
