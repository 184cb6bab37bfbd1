# shellcheck shell=sh source-path=SCRIPTDIR
# Init container of a peer pod (peer.identity.source: fabric-ca), run by sh in the Fabric CA client image. Enrols this
# ordinal's enrolment id twice with the NMI's Fabric CA (signing identity, then the TLS profile) and writes both into
# the in-memory $IDENTITY_DIR in the layout the peer container reads. Only this container mounts the enrolment
# secrets ($ENROLLMENT_SOURCES/peer-<n>/, from the Secret $ENROLLMENT_SECRET_PREFIX-<n>). The layout, the checks and
# the Node OU config are the Secret path's (node-identity.sh, whose functions this sources).
set -eu
NODE_IDENTITY_LIBRARY=1
. "$SCRIPTS_DIR/node-identity.sh"

ordinal=$(ordinal_of "$POD_NAME")
name=$(node_name "$ordinal")
enrolment="$ENROLLMENT_SOURCES/peer-$ordinal"
secret="Secret $ENROLLMENT_SECRET_PREFIX-$ordinal"
[ -s "$enrolment/enrollmentSecret" ] ||
  fail "$name cannot enrol: $secret lacks enrollmentSecret (see the chart README, '$NODE_README_SECTION')"
if [ -s "$enrolment/enrollmentId" ]; then
  enrollment_id=$(cat "$enrolment/enrollmentId")
else
  enrollment_id="peer$ordinal"
fi

# Names the peer is dialled by: its identity name, its pod address, the gateway Service, localhost, its external host.
hosts="$name,$PEER_STATEFULSET-$ordinal.$PEER_SUBDOMAIN,$PEER_GATEWAY_HOST,localhost"
if [ -n "$PEER_EXTERNAL_ENDPOINT_TEMPLATE" ]; then
  external=$(printf '%s\n' "$PEER_EXTERNAL_ENDPOINT_TEMPLATE" | sed "s/{ordinal}/$ordinal/g")
  hosts="$hosts,${external%:*}"
fi

# A restarted pod sandbox keeps the work emptyDir: enrol afresh, so each folder holds exactly one certificate and key.
rm -rf "$WORK_DIR/msp" "$WORK_DIR/tls"
# The client takes the URL with credentials from the environment, so the secret never shows in a process list.
FABRIC_CA_CLIENT_URL="https://$enrollment_id:$(cat "$enrolment/enrollmentSecret")@${FABRIC_CA_URL#https://}"
export FABRIC_CA_CLIENT_URL FABRIC_CA_CLIENT_HOME="$WORK_DIR/client"
fabric-ca-client enroll --caname "$FABRIC_CA_NAME" --tls.certfiles "$FABRIC_CA_TLS_CERT" \
  --csr.cn "$name" --csr.hosts "$hosts" -M "$WORK_DIR/msp"
fabric-ca-client enroll --caname "$FABRIC_TLSCA_NAME" --tls.certfiles "$FABRIC_CA_TLS_CERT" \
  --enrollment.profile tls --csr.cn "$name" --csr.hosts "$hosts" -M "$WORK_DIR/tls"

# Fabric CA names files after hosts and key hashes; exactly one of each is expected.
only() {
  # shellcheck disable=SC2086 # the pattern is expanded on purpose
  set -- $1
  if [ $# -ne 1 ] || [ ! -s "$1" ]; then
    fail "expected exactly one file, found: $*"
  fi
  echo "$1"
}
reset_identity_dir
cp "$(only "$WORK_DIR/msp/signcerts/*")" "$IDENTITY_DIR/msp/signcerts/cert.pem"
cp "$(only "$WORK_DIR/msp/keystore/*")" "$IDENTITY_DIR/msp/keystore/key.pem"
cp "$(only "$WORK_DIR/msp/cacerts/*")" "$IDENTITY_DIR/msp/cacerts/ca.pem"
cp "$(only "$WORK_DIR/tls/tlscacerts/*")" "$IDENTITY_DIR/msp/tlscacerts/ca.pem"
cp "$(only "$WORK_DIR/tls/tlscacerts/*")" "$IDENTITY_DIR/tls/ca.crt"
cp "$(only "$WORK_DIR/tls/signcerts/*")" "$IDENTITY_DIR/tls/server.crt"
cp "$(only "$WORK_DIR/tls/keystore/*")" "$IDENTITY_DIR/tls/server.key"
finish_identity "$ordinal" "Fabric CA $FABRIC_CA_URL"
