import { z } from 'zod';

/**
 * HTTP API behind the auditors' dashboard (docs/dashboard.md): the browser session, the explorer views read from the
 * ledger by query (qscc, _lifecycle), the meter registry view, the verification stream relay and the proof checker.
 * All `@Allow('auditor')` except the session routes; errors are `{ code, message }`.
 */
export const AuditDashboardPaths = {
  session: '/api/session',
  stream: '/api/stream',
  explorerSummary: '/api/explorer/summary',
  explorerBlocks: '/api/explorer/blocks',
  explorerBlock: '/api/explorer/blocks/:blockNumber',
  explorerTransaction: '/api/explorer/transactions/:txId',
  explorerChaincodes: '/api/explorer/chaincodes',
  explorerRates: '/api/explorer/rates',
  explorerSearch: '/api/explorer/search',
  meter: '/api/meters/:meterId',
  verificationStream: '/api/verifications/stream',
  proof: '/api/proofs/:verificationId',
} as const;

export const DashboardErrorCode = {
  BLOCK_UNKNOWN: 'BLOCK_UNKNOWN',
  TRANSACTION_UNKNOWN: 'TRANSACTION_UNKNOWN',
  SEARCH_NOT_FOUND: 'SEARCH_NOT_FOUND',
  VERIFICATION_UNKNOWN: 'VERIFICATION_UNKNOWN',
  VERIFICATION_UNREACHABLE: 'VERIFICATION_UNREACHABLE',
} as const;
export type DashboardErrorCode = (typeof DashboardErrorCode)[keyof typeof DashboardErrorCode];

/** POST /api/session: an NMI-issued token; answered with the principal, the token goes into an HttpOnly cookie. */
export const sessionRequestSchema = z.object({ token: z.string().min(1).max(4096) }).strict();
export type SessionRequest = z.infer<typeof sessionRequestSchema>;

export const sessionResponseSchema = z.object({
  name: z.string(),
  role: z.string(),
  issuer: z.string(),
  expiresAt: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const blockNumberParamSchema = z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
export const txIdParamSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a transaction id is 64 hex digits');

export const EXPLORER_BLOCKS_MAX = 50;
export const explorerBlocksQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(EXPLORER_BLOCKS_MAX).default(10) })
  .strict();

export const explorerSearchQuerySchema = z.object({ q: z.string().trim().min(1).max(128) }).strict();

/** A transaction as the explorer lists it (arguments as sizes, the full detail is its own route). */
export const explorerTransactionSchema = z.object({
  txId: z.string(),
  blockNumber: z.number().int(),
  index: z.number().int(),
  type: z.string(),
  timestamp: z.string(),
  creatorMsp: z.string(),
  validationCode: z.string(),
  chaincode: z.string().optional(),
  function: z.string().optional(),
  endorsers: z.array(z.string()),
  argBytes: z.number().int(),
});
export type ExplorerTransaction = z.infer<typeof explorerTransactionSchema>;

export const explorerBlockSchema = z.object({
  number: z.number().int(),
  headerHash: z.string(),
  previousHash: z.string(),
  dataHash: z.string(),
  dataHashValid: z.boolean(),
  timestamp: z.string(),
  transactions: z.array(explorerTransactionSchema),
});
export type ExplorerBlock = z.infer<typeof explorerBlockSchema>;

/** A transaction's detail: its arguments (UTF-8 text when printable, else base64) and response. */
export const explorerTransactionDetailSchema = explorerTransactionSchema.extend({
  args: z.array(z.string()),
  responseStatus: z.number().int().optional(),
  responsePayload: z.string().optional(),
  events: z.array(z.object({ chaincode: z.string(), name: z.string(), payload: z.string() })),
});
export type ExplorerTransactionDetail = z.infer<typeof explorerTransactionDetailSchema>;

/** Counters over blocks [0, height): every block read once by the indexer. */
export const explorerSummarySchema = z.object({
  channel: z.string(),
  height: z.number().int(),
  indexedHeight: z.number().int(),
  blocks: z.number().int(),
  transactions: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
});
export type ExplorerSummary = z.infer<typeof explorerSummarySchema>;

export const rateBucketSchema = z.object({ start: z.string(), transactions: z.number().int() });
export const explorerRatesSchema = z.object({
  perMinute: z.array(rateBucketSchema),
  perHour: z.array(rateBucketSchema),
});
export type ExplorerRates = z.infer<typeof explorerRatesSchema>;

export const chaincodeDefinitionSchema = z.object({
  name: z.string(),
  version: z.string(),
  sequence: z.number().int(),
  endorsementPlugin: z.string(),
  initRequired: z.boolean(),
});
export type ChaincodeDefinition = z.infer<typeof chaincodeDefinitionSchema>;

export const explorerSearchResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('block'), block: explorerBlockSchema }),
  z.object({ kind: z.literal('transaction'), transaction: explorerTransactionDetailSchema }),
]);
export type ExplorerSearchResult = z.infer<typeof explorerSearchResultSchema>;

/** GET /api/proofs/:verificationId: the verification service's record and proof, and the root on the ledger. */
export const proofViewSchema = z.object({
  verificationId: z.string(),
  record: z.record(z.string(), z.unknown()),
  leafHash: z.string(),
  proof: z
    .object({ index: z.number().int(), treeSize: z.number().int(), path: z.array(z.string()) })
    .nullable(),
  anchor: z.record(z.string(), z.unknown()).nullable(),
  ledgerAnchor: z
    .object({ batchId: z.string(), merkleRoot: z.string(), size: z.number().int(), txId: z.string() })
    .nullable(),
});
export type ProofView = z.infer<typeof proofViewSchema>;
