# shellcheck shell=sh source-path=SCRIPTDIR
# The channel-join Job (a Helm hook after every install and upgrade), as the NMI's admin: every peer ordinal
# 0..PEER_REPLICAS-1 that has not joined the channel joins it from the channel's block. A peer that already has the
# channel is left alone, so the Job is safe to run again, and after a scale-up it joins only the new peers.
set -eu

fail() {
  echo "channel join: $*" >&2
  exit 1
}

[ -s "$CHANNEL_BLOCK" ] || fail "no channel block at $CHANNEL_BLOCK"

# Prints a header line and the channels the peer at $CORE_PEER_ADDRESS has joined; fails while it does not answer.
joined_channels() {
  /usr/local/bin/peer channel list 2>"$TMPDIR/list.err"
}

has_channel() {
  joined_channels | grep -qxF "$CHANNEL_NAME"
}

# A peer that is still starting (or being created by a scale-up) gets PEER_WAIT_SECONDS to answer.
wait_for_peer() {
  waited=0
  until joined_channels >/dev/null; do
    if [ "$waited" -ge "$PEER_WAIT_SECONDS" ]; then
      cat "$TMPDIR/list.err" >&2
      fail "$CORE_PEER_ADDRESS did not answer within ${PEER_WAIT_SECONDS}s"
    fi
    sleep 5
    waited=$((waited + 5))
  done
}

ordinal=0
while [ "$ordinal" -lt "$PEER_REPLICAS" ]; do
  export CORE_PEER_ADDRESS="$PEER_STATEFULSET-$ordinal.$PEER_SUBDOMAIN:$PEER_PORT"
  wait_for_peer
  if has_channel; then
    echo "peer $ordinal ($CORE_PEER_ADDRESS): already on $CHANNEL_NAME"
  elif /usr/local/bin/peer channel join -b "$CHANNEL_BLOCK" || has_channel; then
    # A join that lost a race with another run still leaves the peer on the channel, which is all that matters.
    echo "peer $ordinal ($CORE_PEER_ADDRESS): joined $CHANNEL_NAME"
  else
    fail "peer $ordinal ($CORE_PEER_ADDRESS) could not join $CHANNEL_NAME"
  fi
  ordinal=$((ordinal + 1))
done
echo "channel join: all $PEER_REPLICAS peers are on $CHANNEL_NAME"
