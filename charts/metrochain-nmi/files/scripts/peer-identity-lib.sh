# shellcheck shell=sh source-path=SCRIPTDIR
# Shared by both identity init scripts (POSIX sh: bash runs it in the peer image, sh in the Fabric CA image).
# The peer container reads exactly this layout under $IDENTITY_DIR (CORE_PEER_MSPCONFIGPATH, CORE_PEER_TLS_*).

IDENTITY_FILES='msp/signcerts/cert.pem msp/keystore/key.pem msp/cacerts/ca.pem msp/tlscacerts/ca.pem tls/server.crt tls/server.key tls/ca.crt'

fail() {
  echo "peer identity: $*" >&2
  exit 1
}

# A StatefulSet pod is named (and its host named) <statefulset>-<ordinal>; the ordinal is this peer's identity.
ordinal_of() {
  ordinal=${1##*-}
  case $ordinal in
    '' | *[!0-9]*) fail "cannot read an ordinal from the pod name '$1'" ;;
  esac
  echo "$ordinal"
}

# Lists the files of the layout that $1 lacks (empty output: complete).
missing_identity_files() {
  missing=''
  for file in $IDENTITY_FILES; do
    [ -s "$1/$file" ] || missing="$missing $file"
  done
  echo "$missing"
}

# Node OUs as cryptogen writes them, naming the layout's one CA certificate (a cryptogen or Fabric CA config.yaml
# names the CA file differently, so the chart always writes its own).
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
  } >"$1/msp/config.yaml"
}

# Checks the identity assembled in $1 for ordinal $2 (from $3) and keeps its private keys to the peer's user.
finish_identity() {
  missing=$(missing_identity_files "$1")
  [ -z "$missing" ] || fail "peer$2.$PEER_DOMAIN: incomplete identity from $3, missing:$missing"
  write_node_ous "$1"
  chmod 0400 "$1/msp/keystore/key.pem" "$1/tls/server.key"
  echo "peer identity: peer$2.$PEER_DOMAIN ready (from $3)"
}
