# shellcheck shell=sh
# The osnadmin join Job: every orderer of the release that is not yet a member of the channel joins it with the
# channel's config block. Idempotent: a member answers 200 and is left alone; only 404 leads to a join. osnadmin
# exits 0 on any HTTP answer, so the script reads the status line it prints.
set -eu
failed=0
for address in $ORDERER_ADMIN_ADDRESSES; do
  if ! listed=$(osnadmin channel list --channelID "$CHANNEL" -o "$address" \
    --ca-file /admin/ca.crt --client-cert /admin/tls.crt --client-key /admin/tls.key 2>&1); then
    echo "$address: admin endpoint not reachable: $listed" >&2
    failed=1
    continue
  fi
  case "$listed" in
    "Status: 200"*)
      echo "$address: already a member of $CHANNEL"
      ;;
    "Status: 404"*)
      if joined=$(osnadmin channel join --channelID "$CHANNEL" --config-block "/block/$BLOCK_KEY" -o "$address" \
        --ca-file /admin/ca.crt --client-cert /admin/tls.crt --client-key /admin/tls.key 2>&1) &&
        case "$joined" in "Status: 201"*) true ;; *) false ;; esac; then
        echo "$address: joined $CHANNEL"
      else
        echo "$address: join refused: $joined" >&2
        failed=1
      fi
      ;;
    *)
      echo "$address: unexpected answer to channel list: $listed" >&2
      failed=1
      ;;
  esac
done
exit "$failed"
