import { type Environment, loadConfig } from '@metrochain/config';
import { z } from 'zod';

/** Thresholds of the network-health checks (docs/audit-network.md). */
export interface NetworkHealthSettings {
  /** How often peers and orderers are polled. */
  pollMs: number;
  /** How long one scrape or one ledger read may take before the node counts as unreachable. */
  timeoutMs: number;
  /** A peer this many blocks under the highest peer counts as behind. */
  peerBehindBlocks: number;
  /** A peer behind (or unreachable) for longer than this is reported as `peer-behind`. */
  peerBehindSeconds: number;
  /** A Raft problem (leaders ≠ 1, active nodes < cluster size, orderer unreachable) held this long is reported. */
  raftGraceSeconds: number;
  /** More leader changes than this within the window is a `raft-health` burst. */
  leaderChangesBurst: number;
  leaderChangesWindowSeconds: number;
}

const positiveInt = z.coerce.number().int().positive();
const seconds = z.coerce.number().int().min(0).max(86_400);

export const networkHealthConfigSchema = z
  .object({
    AUDIT_NETWORK_POLL_MS: positiveInt.min(200).max(600_000).default(5_000),
    AUDIT_NETWORK_TIMEOUT_MS: positiveInt.min(100).max(60_000).default(2_000),
    AUDIT_PEER_BEHIND_BLOCKS: positiveInt.max(1_000_000).default(5),
    AUDIT_PEER_BEHIND_SECONDS: seconds.default(30),
    AUDIT_RAFT_GRACE_SECONDS: seconds.default(10),
    AUDIT_LEADER_CHANGES_BURST: positiveInt.max(1_000).default(3),
    AUDIT_LEADER_CHANGES_WINDOW_SECONDS: positiveInt.max(86_400).default(300),
  })
  .transform((env): NetworkHealthSettings => ({
    pollMs: env.AUDIT_NETWORK_POLL_MS,
    timeoutMs: env.AUDIT_NETWORK_TIMEOUT_MS,
    peerBehindBlocks: env.AUDIT_PEER_BEHIND_BLOCKS,
    peerBehindSeconds: env.AUDIT_PEER_BEHIND_SECONDS,
    raftGraceSeconds: env.AUDIT_RAFT_GRACE_SECONDS,
    leaderChangesBurst: env.AUDIT_LEADER_CHANGES_BURST,
    leaderChangesWindowSeconds: env.AUDIT_LEADER_CHANGES_WINDOW_SECONDS,
  }));

/** Validated when the network-health module is wired at start-up; throws CONFIG_INVALID naming every bad variable. */
export function loadNetworkHealthConfig(env: Environment = process.env): NetworkHealthSettings {
  return loadConfig(networkHealthConfigSchema, env);
}
