import { z } from 'zod';
import {
  blockNumberSchema,
  isoTimestampSchema,
  meterIdSchema,
  mspIdSchema,
  sha256HexSchema,
} from '../events/shared/event-primitives';
import {
  meterModelSchema,
  meterRecordSchema,
  pkiNonceSchema,
  signatureBase64Schema,
} from '../ledger/registry';
import { meterModelApprovalSchema } from '../ledger/governance';

/**
 * HTTP API of the registration service, one instance per NMI (docs/pki.md). Every request body is strict (unknown
 * fields are REQUEST_INVALID). Errors are `{ code, message }` with the HTTP status: REQUEST_INVALID 400 (the body does not match its schema), KEY_INVALID 422 (it does, but the key does not parse), ROLE_FORBIDDEN 403, METER_UNKNOWN 404, ALREADY_ATTESTED / NONCE_REUSED / METER_REVOKED / METER_NOT_ACTIVE /
 * KEY_MISMATCH / MODEL_MISMATCH / KEY_REUSED 409, CHALLENGE_UNKNOWN 410 (unknown, expired or used), SIGNATURE_INVALID
 * / SIGNATURE_MALFORMED / INVALID_ARGUMENT 422 (the ledger refused the proof or e.g. a backdated revocation), a ledger
 * failure that may pass when tried again (LEDGER_UNAVAILABLE: the NMI's peers unreachable; MVCC_READ_CONFLICT,
 * ENDORSEMENTS_DIFFER) 503 with nothing written, other ledger failures 502.
 */
export const RegistrationApiPaths = {
  registrations: '/meters/registrations',
  registrationResponse: '/meters/registrations/:challengeId/response',
  meter: '/meters/:meterId',
  revocation: '/meters/:meterId/revocation',
  rotations: '/meters/:meterId/rotations',
  rotationResponse: '/meters/rotations/:rotationId/response',
  lifecyclePublisher: '/lifecycle/publisher',
  heldRegistrations: '/meters/registrations/held',
  registrationApproval: '/meters/registrations/:registrationId/approval',
  registrationRejection: '/meters/registrations/:registrationId/rejection',
  attestationPolicy: '/attestation-policies/:manufacturer',
  models: '/models',
  model: '/models/:model',
} as const;

/** Ids of issued challenges (registration and rotation) are their nonces: 32 random bytes, base64url. */
export const challengeIdSchema = pkiNonceSchema;

// ---- registration (proof of possession to this NMI) ----------------------------------------------------------

/** The key is only required to be text here: the service parses it so that every bad key is KEY_INVALID. */
export const registrationRequestSchema = z
  .object({ meterId: meterIdSchema, model: meterModelSchema, publicKeyPem: z.string() })
  .strict();
export type RegistrationRequest = z.infer<typeof registrationRequestSchema>;

/** 201: what the meter signs (ECDSA-P256-SHA256, DER, base64) and until when; `registrationId` = `challengeId`. */
export const issuedChallengeSchema = z.object({
  challengeId: challengeIdSchema.describe(
    'The nonce; answer at /meters/registrations/{challengeId}/response',
  ),
  registrationId: challengeIdSchema.describe('The same nonce, under the name clients use for registrations'),
  statement: z
    .string()
    .min(1)
    .describe('RFC 8785 attestation statement the meter signs (ECDSA-P256-SHA256, DER, base64)'),
  expiresAt: isoTimestampSchema,
});
export type IssuedChallenge = z.infer<typeof issuedChallengeSchema>;

export const challengeResponseSchema = z.object({ signature: signatureBase64Schema }).strict();
export type ChallengeResponse = z.infer<typeof challengeResponseSchema>;

// ---- meter views ---------------------------------------------------------------------------------------------

/** GET /meters/:meterId: the ledger record as the registry contract returns it. */
export const meterViewSchema = meterRecordSchema;
export type MeterView = z.infer<typeof meterViewSchema>;

/** The record after a write of this NMI, with the transaction that wrote it (block number as a decimal string). */
export const committedMeterViewSchema = meterRecordSchema.extend({
  transactionId: z.string().min(1),
  blockNumber: z
    .string()
    .regex(/^\d+$/, 'expected a decimal block number')
    .describe('Block number as a decimal string'),
});
export type CommittedMeterView = z.infer<typeof committedMeterViewSchema>;

// ---- revocation ----------------------------------------------------------------------------------------------

/** `effectiveAt` defaults to the transaction time; it may lie at most 24 h before it (INVALID_ARGUMENT, 422). */
export const revocationRequestSchema = z
  .object({ reason: z.string().min(1).max(1000), effectiveAt: isoTimestampSchema.optional() })
  .strict();
export type RevocationRequest = z.infer<typeof revocationRequestSchema>;

// ---- key rotation (old and new key sign one statement) -------------------------------------------------------

/** Text only here, for the same reason as in registrationRequestSchema. */
export const rotationRequestSchema = z.object({ newPublicKeyPem: z.string() }).strict();
export type RotationRequest = z.infer<typeof rotationRequestSchema>;

/** 201: the canonical rotation statement both keys sign, single use, until `expiresAt`. */
export const issuedRotationSchema = z.object({
  rotationId: challengeIdSchema.describe('The nonce; answer at /meters/rotations/{rotationId}/response'),
  meterId: meterIdSchema,
  statement: z.string().min(1).describe('RFC 8785 rotation statement both the old and the new key sign'),
  oldKeyFingerprint: sha256HexSchema,
  newKeyFingerprint: sha256HexSchema,
  expiresAt: isoTimestampSchema,
});
export type IssuedRotation = z.infer<typeof issuedRotationSchema>;

export const rotationResponseSchema = z
  .object({ oldKeySignature: signatureBase64Schema, newKeySignature: signatureBase64Schema })
  .strict();
export type RotationResponse = z.infer<typeof rotationResponseSchema>;

// ---- lifecycle publisher status ------------------------------------------------------------------------------

/** Whether this instance currently holds the publishing lease, and the last event it published. */
export const lifecyclePublisherStatusSchema = z.object({
  instanceId: z.string().min(1),
  msp: mspIdSchema,
  enabled: z.boolean(),
  leading: z.boolean(),
  lastPublished: z
    .object({ txId: z.string().min(1), blockNumber: blockNumberSchema, publishedAt: isoTimestampSchema })
    .nullable(),
});
export type LifecyclePublisherStatus = z.infer<typeof lifecyclePublisherStatusSchema>;

// ---- attestation policy and the approval queue (docs/identity.md) --------------------------------------------

/** `automatic` attests a proven meter of an approved model at once; `operator-approval` holds it for an operator. */
export const ATTESTATION_MODES = ['automatic', 'operator-approval'] as const;
export type AttestationMode = (typeof ATTESTATION_MODES)[number];

export const attestationPolicyRequestSchema = z.object({ mode: z.enum(ATTESTATION_MODES) }).strict();
export type AttestationPolicyRequest = z.infer<typeof attestationPolicyRequestSchema>;

export const attestationPolicySchema = z.object({
  nmi: mspIdSchema,
  manufacturer: z.string().min(1),
  mode: z.enum(ATTESTATION_MODES),
});
export type AttestationPolicy = z.infer<typeof attestationPolicySchema>;

/** 202 from a challenge answer under `operator-approval`: the proof checked out, the attestation waits. */
export const heldRegistrationViewSchema = z.object({
  registrationId: challengeIdSchema,
  status: z.literal('held'),
  meterId: meterIdSchema,
  model: meterModelSchema,
  manufacturer: z.string().min(1),
  keyFingerprint: sha256HexSchema,
  heldAt: isoTimestampSchema,
});
export type HeldRegistrationView = z.infer<typeof heldRegistrationViewSchema>;

export const registrationRejectionRequestSchema = z.object({ reason: z.string().min(1).max(1000) }).strict();
export type RegistrationRejectionRequest = z.infer<typeof registrationRejectionRequestSchema>;

export const registrationRejectedSchema = z.object({
  registrationId: challengeIdSchema,
  status: z.literal('rejected'),
  meterId: meterIdSchema,
  reason: z.string(),
  rejectedBy: z.string().min(1),
});
export type RegistrationRejected = z.infer<typeof registrationRejectedSchema>;

/** POST /models: an operator approves a model for a manufacturer (recorded on the ledger by governance). */
export const modelApprovalInputSchema = z
  .object({ model: meterModelSchema, manufacturer: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/) })
  .strict();
export type ModelApprovalInput = z.infer<typeof modelApprovalInputSchema>;

/** 201 from POST /models: the ledger record with the transaction that wrote it (block number as a decimal string). */
export const committedModelApprovalSchema = meterModelApprovalSchema.extend({
  transactionId: z.string().min(1),
  blockNumber: z.string().regex(/^\d+$/, 'expected a decimal block number'),
});
export type CommittedModelApproval = z.infer<typeof committedModelApprovalSchema>;
