import { z } from 'zod';
import { METER_STATUSES } from '../events/meter-lifecycle/meter-lifecycle.v1';
import {
  base64Schema,
  isoTimestampSchema,
  meterIdSchema,
  mspIdSchema,
  publicKeyPemSchema,
  sha256HexSchema,
} from '../events/shared/event-primitives';

/** The meter registry contract: meters' public keys attested by NMIs, signature checks, anchored verification logs. */
export const REGISTRY_CONTRACT = 'registry';

export const RegistryTransactions = {
  attest: 'attest',
  attestBatch: 'attestBatch',
  revoke: 'revoke',
  rotateKey: 'rotateKey',
  getMeter: 'getMeter',
  checkSignature: 'checkSignature',
  anchorVerificationBatch: 'anchorVerificationBatch',
  getVerificationBatch: 'getVerificationBatch',
  getRegistryConfig: 'getRegistryConfig',
  setRegistryConfig: 'setRegistryConfig',
} as const;

/** Attestations by distinct NMIs a key needs before the meter is active, unless the registry config says otherwise. */
export const DEFAULT_REQUIRED_ATTESTATIONS = 2;

/**
 * How far before its transaction a revocation may take effect: enough to cover the time between finding a fault
 * and recording it, short enough that a registrar cannot silently invalidate months of measurements.
 */
export const REVOCATION_BACKDATE_LIMIT_MS = 24 * 60 * 60 * 1000;

/** Upper bound of the data a signature check accepts; readings and receipts are far smaller. */
export const MAX_SIGNED_DATA_LENGTH = 65_536;

// Fabric transaction ids are hex digests on a peer; the schema only insists on presence so records stay portable.
const ledgerTxIdSchema = z.string().min(1).max(128);
const identifierSchema = meterIdSchema;
/** 32 random bytes, base64url without padding, as the registration service issues them. */
export const pkiNonceSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'expected 32 bytes as unpadded base64url');
/** ECDSA P-256 DER signatures are at most 72 bytes; the bound leaves room without admitting blobs. */
export const signatureBase64Schema = base64Schema.max(256);
/** A type-approved meter model as named in its certificate, e.g. `EM-340 Rev.2`. */
export const meterModelSchema = z
  .string()
  .max(128)
  // Control characters spelled as ranges (C0, DEL, C1: what \p{Cc} means), so that API clients and fuzzers that
  // build values from the documented pattern understand it too.
  .regex(
    // The point of the pattern is to name control characters, to exclude them.
    // eslint-disable-next-line no-control-regex
    /^[^\s\x00-\x1f\x7f-\x9f](?:[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f])?$/,
    'expected a model name without control characters',
  );
const reasonSchema = z.string().min(1).max(1000);

// ---- requests -------------------------------------------------------------------------------------------------

/** An NMI's attestation that the meter holds the private key: `signature` is the meter's over attestationStatement. */
export const attestRequestSchema = z.object({
  meterId: meterIdSchema,
  model: meterModelSchema,
  publicKeyPem: publicKeyPemSchema,
  nonce: pkiNonceSchema,
  signature: signatureBase64Schema,
});
export type AttestRequest = z.infer<typeof attestRequestSchema>;

/** Attestations per attestBatch transaction; bounded so that a transaction stays well below a block's size. */
export const MAX_ATTEST_BATCH = 500;

/** Many attestations by the caller's NMI in one transaction; each is checked on its own. */
export const attestBatchRequestSchema = z.object({
  attestations: z.array(attestRequestSchema).min(1).max(MAX_ATTEST_BATCH),
});
export type AttestBatchRequest = z.infer<typeof attestBatchRequestSchema>;

/** `effectiveAt` defaults to the transaction time. */
/** Operator principal names as the registration services pass them to the ledger (who, besides which NMI). */
export const operatorNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'expected a principal name');

export const revokeRequestSchema = z.object({
  meterId: meterIdSchema,
  reason: reasonSchema,
  effectiveAt: isoTimestampSchema.optional(),
  /** The NMI operator who decided; `by` (the NMI) comes from the caller's certificate. */
  operator: operatorNameSchema.optional(),
});
export type RevokeRequest = z.infer<typeof revokeRequestSchema>;

/** Both signatures are over rotationStatement: the old key vouches for the change, the new key for possession. */
export const rotateKeyRequestSchema = z.object({
  meterId: meterIdSchema,
  newPublicKeyPem: publicKeyPemSchema,
  nonce: pkiNonceSchema,
  oldKeySignature: signatureBase64Schema,
  newKeySignature: signatureBase64Schema,
});
export type RotateKeyRequest = z.infer<typeof rotateKeyRequestSchema>;

/** `data` is the signed UTF-8 text itself; `measuredAt` defaults to the transaction time. */
export const checkSignatureRequestSchema = z.object({
  meterId: meterIdSchema,
  data: z.string().max(MAX_SIGNED_DATA_LENGTH),
  signature: signatureBase64Schema,
  measuredAt: isoTimestampSchema.optional(),
});
export type CheckSignatureRequest = z.infer<typeof checkSignatureRequestSchema>;

export const verificationBatchRequestSchema = z.object({
  batchId: identifierSchema,
  merkleRoot: sha256HexSchema,
  size: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});
export type VerificationBatchRequest = z.infer<typeof verificationBatchRequestSchema>;

export const registryConfigSchema = z.object({
  requiredAttestations: z.number().int().min(1).max(64),
  /** Empty means every model may be registered. */
  approvedModels: z.array(meterModelSchema).max(1000),
});
export type RegistryConfig = z.infer<typeof registryConfigSchema>;

export const DEFAULT_REGISTRY_CONFIG: RegistryConfig = {
  requiredAttestations: DEFAULT_REQUIRED_ATTESTATIONS,
  approvedModels: [],
};

// ---- ledger records -------------------------------------------------------------------------------------------

export const attestationSchema = z.object({
  msp: mspIdSchema,
  keyFingerprint: sha256HexSchema,
  at: isoTimestampSchema,
  txId: ledgerTxIdSchema,
});
export type Attestation = z.infer<typeof attestationSchema>;

/** A key the meter held; `validTo` is absent for the current key. Data measured in [validFrom, validTo) uses it. */
export const meterKeySchema = z.object({
  keyFingerprint: sha256HexSchema,
  publicKeyPem: publicKeyPemSchema,
  validFrom: isoTimestampSchema,
  validTo: isoTimestampSchema.optional(),
});
export type MeterKey = z.infer<typeof meterKeySchema>;

/** Signatures over data measured at or after `effectiveAt` fail. */
export const revocationSchema = z.object({
  reason: reasonSchema,
  effectiveAt: isoTimestampSchema,
  by: mspIdSchema,
  operator: operatorNameSchema.optional(),
  at: isoTimestampSchema,
  txId: ledgerTxIdSchema,
});
export type Revocation = z.infer<typeof revocationSchema>;

export const meterRecordSchema = z.object({
  meterId: meterIdSchema,
  model: meterModelSchema,
  status: z.enum(METER_STATUSES),
  publicKeyPem: publicKeyPemSchema,
  keyFingerprint: sha256HexSchema,
  keyHistory: z.array(meterKeySchema).min(1),
  attestations: z.array(attestationSchema),
  activatedAt: isoTimestampSchema.optional(),
  revocation: revocationSchema.optional(),
});
export type MeterRecord = z.infer<typeof meterRecordSchema>;

/** `unknown` when the ledger holds no such meter; a check never fails for that reason. */
export const SIGNATURE_CHECK_STATUSES = [...METER_STATUSES, 'unknown'] as const;
export type SignatureCheckStatus = (typeof SIGNATURE_CHECK_STATUSES)[number];

/** The verdict: `valid` only if the meter was active at `measuredAt` and the key valid then verifies the signature. */
export const signatureCheckSchema = z.object({
  meterId: meterIdSchema,
  valid: z.boolean(),
  status: z.enum(SIGNATURE_CHECK_STATUSES),
  measuredAt: isoTimestampSchema,
  keyFingerprint: sha256HexSchema.optional(),
  attestedBy: z.array(mspIdSchema),
});
export type SignatureCheck = z.infer<typeof signatureCheckSchema>;

/** One attestation's outcome in a batch: the meter's status after it, or the code that refused it (nothing written). */
export const attestBatchItemResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), meterId: meterIdSchema, status: z.enum(METER_STATUSES) }),
  z.object({ ok: z.literal(false), meterId: z.string(), code: z.string(), message: z.string() }),
]);
export const attestBatchResultSchema = z.object({ results: z.array(attestBatchItemResultSchema) });
export type AttestBatchResult = z.infer<typeof attestBatchResultSchema>;

export const verificationBatchSchema = verificationBatchRequestSchema.extend({
  anchoredBy: mspIdSchema,
  anchoredAt: isoTimestampSchema,
  txId: ledgerTxIdSchema,
});
export type VerificationBatch = z.infer<typeof verificationBatchSchema>;

/** The config in force; `updated` is absent while the defaults apply. */
export const registryConfigRecordSchema = registryConfigSchema.extend({
  updated: z.object({ by: mspIdSchema, at: isoTimestampSchema, txId: ledgerTxIdSchema }).optional(),
});
export type RegistryConfigRecord = z.infer<typeof registryConfigRecordSchema>;

// ---- chaincode events (Fabric keeps one per transaction) ---------------------------------------------------------

export const RegistryEvents = {
  meterAttested: 'registry.meter.attested',
  meterActivated: 'registry.meter.activated',
  meterRevoked: 'registry.meter.revoked',
  meterKeyRotated: 'registry.meter.key-rotated',
  batchAnchored: 'registry.batch.anchored',
  metersAttested: 'registry.meters.attested',
} as const;
export type RegistryEventName = (typeof RegistryEvents)[keyof typeof RegistryEvents];

/** An attestation that left the meter pending; `attestedBy` lists every NMI that attested the current key. */
export const meterAttestedEventSchema = z.object({
  meterId: meterIdSchema,
  model: meterModelSchema,
  status: z.enum(METER_STATUSES),
  keyFingerprint: sha256HexSchema,
  publicKeyPem: publicKeyPemSchema,
  attestation: attestationSchema,
  attestedBy: z.array(mspIdSchema),
  requiredAttestations: z.number().int().min(1),
});
export type MeterAttestedEvent = z.infer<typeof meterAttestedEventSchema>;

/** The attestation that made the meter active; it replaces the `attested` event of that transaction. */
export const meterActivatedEventSchema = meterAttestedEventSchema.extend({
  status: z.literal('active'),
  activatedAt: isoTimestampSchema,
});
export type MeterActivatedEvent = z.infer<typeof meterActivatedEventSchema>;

export const meterRevokedEventSchema = z.object({
  meterId: meterIdSchema,
  status: z.literal('revoked'),
  keyFingerprint: sha256HexSchema,
  revocation: revocationSchema,
});
export type MeterRevokedEvent = z.infer<typeof meterRevokedEventSchema>;

export const meterKeyRotatedEventSchema = z.object({
  meterId: meterIdSchema,
  status: z.enum(METER_STATUSES),
  oldKeyFingerprint: sha256HexSchema,
  newKeyFingerprint: sha256HexSchema,
  publicKeyPem: publicKeyPemSchema,
  rotatedAt: isoTimestampSchema,
  by: mspIdSchema,
  txId: ledgerTxIdSchema,
});
export type MeterKeyRotatedEvent = z.infer<typeof meterKeyRotatedEventSchema>;

export const batchAnchoredEventSchema = verificationBatchSchema;
export type BatchAnchoredEvent = z.infer<typeof batchAnchoredEventSchema>;

/**
 * An attestBatch transaction's one event: the `attested` / `activated` event of each attestation that was recorded,
 * in order (Fabric keeps one chaincode event per transaction).
 */
export const metersAttestedEventSchema = z.object({
  events: z.array(
    z.discriminatedUnion('name', [
      z.object({ name: z.literal(RegistryEvents.meterAttested), payload: meterAttestedEventSchema }),
      z.object({ name: z.literal(RegistryEvents.meterActivated), payload: meterActivatedEventSchema }),
    ]),
  ),
});
export type MetersAttestedEvent = z.infer<typeof metersAttestedEventSchema>;

/** Payload schema of each registry event, for readers that validate what they consume. */
export const REGISTRY_EVENT_SCHEMAS = {
  [RegistryEvents.meterAttested]: meterAttestedEventSchema,
  [RegistryEvents.meterActivated]: meterActivatedEventSchema,
  [RegistryEvents.meterRevoked]: meterRevokedEventSchema,
  [RegistryEvents.meterKeyRotated]: meterKeyRotatedEventSchema,
  [RegistryEvents.batchAnchored]: batchAnchoredEventSchema,
  [RegistryEvents.metersAttested]: metersAttestedEventSchema,
} as const satisfies Record<RegistryEventName, z.ZodTypeAny>;
