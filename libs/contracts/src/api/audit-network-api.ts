import { z } from 'zod';

/**
 * HTTP API of the audit service's network health (docs/audit-network.md): every peer's height and the header hash it
 * holds at the compared block, the comparison across NMIs, and the Raft orderers' health. Auditors only.
 */
export const AuditNetworkPaths = {
  peers: '/api/network/peers',
  comparison: '/api/network/comparison',
  raft: '/api/network/raft',
} as const;

const hexHash = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256 digest');
const timestamp = z.string().datetime();

/** One peer as the last poll saw it; `lastSeen` is when its operations endpoint last answered. */
export const networkPeerViewSchema = z.object({
  org: z.string().min(1),
  mspId: z.string().min(1),
  name: z.string().min(1),
  reachable: z.boolean(),
  /** `ledger_blockchain_height` from the peer's own operations endpoint; null when never seen. */
  height: z.number().int().nonnegative().nullable(),
  /** Blocks under the highest peer; null when the height is unknown. */
  behindBy: z.number().int().nonnegative().nullable(),
  lastSeen: timestamp.nullable(),
  /** Header hash of the compared block as this peer delivered it; null when it could not be read. */
  headerHash: hexHash.nullable(),
  /** Whether an open peer-behind finding names this peer. */
  behind: z.boolean(),
});
export type NetworkPeerView = z.infer<typeof networkPeerViewSchema>;

export const networkPeersSchema = z.object({
  channel: z.string().min(1),
  /** When the last poll finished; null before the first. */
  checkedAt: timestamp.nullable(),
  /** The block whose header hashes are compared: the lowest height among reachable peers, minus one. */
  comparedBlock: z.number().int().nonnegative().nullable(),
  peers: z.array(networkPeerViewSchema),
});
export type NetworkPeers = z.infer<typeof networkPeersSchema>;

/** One organisation's qscc GetChainInfo through one of its peers' gateway (answered by its highest peer). */
export const orgChainViewSchema = z.object({
  org: z.string().min(1),
  mspId: z.string().min(1),
  via: z.string().min(1),
  height: z.number().int().nonnegative().nullable(),
  currentBlockHash: hexHash.nullable(),
  error: z.string().optional(),
});
export type OrgChainView = z.infer<typeof orgChainViewSchema>;

export const networkComparisonSchema = z.object({
  channel: z.string().min(1),
  checkedAt: timestamp.nullable(),
  comparedBlock: z.number().int().nonnegative().nullable(),
  /** True when every peer that delivered the compared block gave the same header hash (and a valid data hash). */
  agree: z.boolean(),
  hashes: z.array(
    z.object({
      org: z.string().min(1),
      peer: z.string().min(1),
      headerHash: hexHash.nullable(),
      dataHashValid: z.boolean().nullable(),
      error: z.string().optional(),
    }),
  ),
  orgViews: z.array(orgChainViewSchema),
});
export type NetworkComparison = z.infer<typeof networkComparisonSchema>;

/** One orderer's Raft gauges for the channel, from its operations endpoint. */
export const raftOrdererViewSchema = z.object({
  name: z.string().min(1),
  reachable: z.boolean(),
  lastSeen: timestamp.nullable(),
  isLeader: z.boolean().nullable(),
  activeNodes: z.number().int().nonnegative().nullable(),
  clusterSize: z.number().int().nonnegative().nullable(),
  /** `consensus_etcdraft_leader_changes`: a counter since the orderer process started. */
  leaderChanges: z.number().int().nonnegative().nullable(),
  committedBlock: z.number().int().nonnegative().nullable(),
});
export type RaftOrdererView = z.infer<typeof raftOrdererViewSchema>;

export const networkRaftSchema = z.object({
  channel: z.string().min(1),
  checkedAt: timestamp.nullable(),
  orderers: z.array(raftOrdererViewSchema),
  summary: z.object({
    /** Reachable orderers that report themselves leader (exactly one when healthy). */
    leaders: z.number().int().nonnegative(),
    leader: z.string().nullable(),
    healthy: z.boolean(),
    /** What is wrong, one line each, as in the raft-health findings. */
    problems: z.array(z.string()),
  }),
});
export type NetworkRaft = z.infer<typeof networkRaftSchema>;
