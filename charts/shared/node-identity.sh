# shellcheck shell=sh
# The identity init container of a Fabric node pod: a peer of metrochain-nmi, an orderer of metrochain-orderers.
# POSIX sh (bash runs it in the peer image, sh in the orderer and Fabric CA images). Each chart links it as
# files/**/node-identity.sh (Helm includes a linked file's contents when it loads or packages a chart).
#
# Run, it copies this pod's identity out of the Secrets: the projected volume at $IDENTITY_SOURCES holds one folder
# per ordinal, <NODE_KIND>-<n>, from the Secret $NODE_SECRET_PREFIX-<n>, and only the init container mounts it. Pod
# <statefulset>-<n> copies its own folder into the in-memory $IDENTITY_DIR, the only identity the node's container
# sees, and writes the MSP's Node OU config. Missing material stops the pod here, loudly, instead of starting without
# an identity. Sourced with NODE_IDENTITY_LIBRARY=1, it only defines the functions (the NMI chart's Fabric CA path).
#
# Environment, set by the chart's template:
#   NODE_KIND            peer | orderer: the log prefix, the folder of each ordinal, the values key <kind>.replicas
#   NODE_FIRST_NUMBER    ordinal n runs as <kind><n + first>: 0 for peers (peer0), 1 for orderers (orderer1)
#   NODE_DOMAIN          optional; appended to the node's name (peer0.ptb.metrochain.local)
#   NODE_README_SECTION  the chart README's section on adding an identity, named when one is missing
#   POD_NAME, IDENTITY_DIR; to copy from the Secrets also IDENTITY_SOURCES and NODE_SECRET_PREFIX
set -eu

# The node container reads exactly this layout under $IDENTITY_DIR (its MSP and TLS paths).
IDENTITY_FILES='msp/signcerts/cert.pem msp/keystore/key.pem msp/cacerts/ca.pem msp/tlscacerts/ca.pem tls/server.crt tls/server.key tls/ca.crt'

fail() {
  echo "$NODE_KIND identity: $*" >&2
  exit 1
}

# A StatefulSet pod is named (and its host named) <statefulset>-<ordinal>; the ordinal is this node's identity.
ordinal_of() {
  ordinal=${1##*-}
  case $ordinal in
    '' | *[!0-9]*) fail "cannot read an ordinal from the pod name '$1'" ;;
  esac
  echo "$ordinal"
}

# The Fabric name ordinal $1 runs as (its certificate's CN and cryptogen folder).
node_name() {
  echo "$NODE_KIND$(($1 + NODE_FIRST_NUMBER))${NODE_DOMAIN:+.$NODE_DOMAIN}"
}

# The Secret key the projected volume maps to a file of the layout (the charts' StatefulSet templates).
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

# Lists the files of the layout that $1 lacks (empty output: complete).
missing_identity_files() {
  missing=''
  for file in $IDENTITY_FILES; do
    [ -s "$1/$file" ] || missing="$missing $file"
  done
  echo "$missing"
}

# Creates the layout's folders, empty: a restarted pod sandbox runs the init container again over the read-only
# copies it left.
reset_identity_dir() {
  rm -rf "$IDENTITY_DIR/msp" "$IDENTITY_DIR/tls"
  for file in $IDENTITY_FILES; do
    mkdir -p "$IDENTITY_DIR/$(dirname "$file")"
  done
}

# Node OUs as cryptogen writes them, naming the layout's one CA certificate (a cryptogen or Fabric CA config.yaml
# names the CA file differently, so the charts always write their own and the Secrets carry none).
write_node_ous() {
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
}

# Checks the identity assembled in $IDENTITY_DIR for ordinal $1 (from $2), writes its Node OU config and keeps its
# private keys to the node's user.
finish_identity() {
  missing=$(missing_identity_files "$IDENTITY_DIR")
  [ -z "$missing" ] || fail "$(node_name "$1"): incomplete identity from $2, missing:$missing"
  write_node_ous
  chmod 0400 "$IDENTITY_DIR/msp/keystore/key.pem" "$IDENTITY_DIR/tls/server.key"
  echo "$NODE_KIND identity: pod $POD_NAME runs as $(node_name "$1") (from $2)"
}

copy_identity_from_secret() {
  ordinal=$(ordinal_of "$POD_NAME")
  source_dir="$IDENTITY_SOURCES/$NODE_KIND-$ordinal"
  secret="Secret $NODE_SECRET_PREFIX-$ordinal"
  missing=$(missing_identity_files "$source_dir")
  if [ -n "$missing" ]; then
    keys=''
    for file in $missing; do
      keys="$keys $(secret_key_of "$file")"
    done
    fail "pod $POD_NAME is $(node_name "$ordinal") but $secret is missing or lacks the keys$keys" \
      "(create it before raising $NODE_KIND.replicas; see the chart README, '$NODE_README_SECTION')"
  fi
  reset_identity_dir
  for file in $IDENTITY_FILES; do
    cp "$source_dir/$file" "$IDENTITY_DIR/$file"
  done
  finish_identity "$ordinal" "$secret"
}

# Not in an `||` list: a function called there would run with `set -e` off.
if [ -z "${NODE_IDENTITY_LIBRARY:-}" ]; then
  copy_identity_from_secret
fi
