import { z } from 'zod';
import { principalNameSchema } from '../api/principals';
import {
  accountIdSchema,
  base64Schema,
  isoDaySchema,
  isoMonthSchema,
  isoTimestampSchema,
  meterIdSchema,
  mspIdSchema,
  sequenceNumberSchema,
  sha256HexSchema,
} from '../events/shared/event-primitives';

/**
 * The billing contract: tariff catalogue, accounts, functional-key issuance under the key policy, and statements
 * computed from the meters' encrypted slot readings (docs/billing.md).
 */
export const BILLING_CONTRACT = 'billing';

export const BillingTransactions = {
  approveTariff: 'approveTariff',
  getTariff: 'getTariff',
  listTariffs: 'listTariffs',
  openAccount: 'openAccount',
  getAccount: 'getAccount',
  issueKey: 'issueKey',
  listKeys: 'listKeys',
  computeStatement: 'computeStatement',
  getStatement: 'getStatement',
  listStatements: 'listStatements',
  listCiphertexts: 'listCiphertexts',
} as const;

/** The transient-map entry of computeStatement that carries the functional key (base64 of its 64 bytes). */
export const FUNCTIONAL_KEY_TRANSIENT = 'functionalKey';
/** A functional key as it travels: 64 bytes (two scalars) in standard base64. */
export const functionalKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9+/]{86}==$/, 'expected 64 bytes in standard base64');

/** Slots of a UTC day, 15 minutes each: libs/fe's SLOTS_PER_DAY (the chaincode checks that they agree). */
export const BILLING_SLOTS_PER_DAY = 96;
/** Band indices of a tariff are 0..MAX_TARIFF_BANDS−1. */
export const MAX_TARIFF_BANDS = 8;
/** Every band covers at least this many slots of the day (two hours): no key can single out a slot. */
export const MIN_BAND_SLOTS = 8;
/** Keys of one meter whose validity starts within any KEY_WINDOW_MONTHS consecutive months. */
export const MAX_KEYS_PER_WINDOW = 4;
export const KEY_WINDOW_MONTHS = 12;
export const MAX_PRICE_MINOR_PER_KWH = 1_000_000;
/** Missing-slot ranges a statement lists; `slotsExpected − slotsReceived` counts every missing slot. */
export const MAX_MISSING_RANGES = 100;

const identifierSchema = meterIdSchema;
export const tariffIdSchema = identifierSchema;
export const keyIdSchema = identifierSchema;
export const tariffVersionSchema = z.number().int().min(1).max(1_000_000);
export const slotSchema = z
  .number()
  .int()
  .min(0)
  .max(BILLING_SLOTS_PER_DAY - 1);
const ledgerTxIdSchema = z.string().min(1).max(128);

// ---- tariffs ----------------------------------------------------------------------------------------------------

/** What an NMI operator (`approvedBy`, the operator's principal name) approves into the catalogue. */
export const tariffApprovalRequestSchema = z
  .object({
    tariffId: tariffIdSchema,
    version: tariffVersionSchema,
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code'),
    /** One band index per 15-minute slot of the UTC day. */
    bands: z
      .array(
        z
          .number()
          .int()
          .min(0)
          .max(MAX_TARIFF_BANDS - 1),
      )
      .length(BILLING_SLOTS_PER_DAY),
    /** One price per band, minor currency units per kWh. */
    pricesMinorPerKWh: z
      .array(z.number().int().min(0).max(MAX_PRICE_MINOR_PER_KWH))
      .min(1)
      .max(MAX_TARIFF_BANDS),
    approvedBy: principalNameSchema,
  })
  .strict();
export type TariffApprovalRequest = z.infer<typeof tariffApprovalRequestSchema>;

/** `partitionId`: SHA-256 (hex) of the RFC 8785 JSON of `bands`, computed by the contract. */
export const tariffSchema = tariffApprovalRequestSchema.extend({
  partitionId: sha256HexSchema,
  approvedByMsp: mspIdSchema,
  approvedAt: isoTimestampSchema,
  txId: ledgerTxIdSchema,
});
export type Tariff = z.infer<typeof tariffSchema>;

// ---- accounts ---------------------------------------------------------------------------------------------------

/** A utility's customer billed for one meter from `billingFrom` (the first month billed) on. */
export const accountRequestSchema = z
  .object({
    accountId: accountIdSchema,
    utility: principalNameSchema,
    customer: principalNameSchema,
    meterId: meterIdSchema,
    billingFrom: isoMonthSchema,
  })
  .strict();
export type AccountRequest = z.infer<typeof accountRequestSchema>;

export const accountSchema = accountRequestSchema.extend({
  openedByMsp: mspIdSchema,
  openedAt: isoTimestampSchema,
  txId: ledgerTxIdSchema,
});
export type Account = z.infer<typeof accountSchema>;

// ---- functional keys ----------------------------------------------------------------------------------------------

/** The issuance of a customer's functional key for a tariff; the key itself never reaches the ledger. */
export const keyIssuanceRequestSchema = z
  .object({
    keyId: keyIdSchema,
    accountId: accountIdSchema,
    tariffId: tariffIdSchema,
    tariffVersion: tariffVersionSchema,
    validFrom: isoMonthSchema,
    /** Exclusive; open-ended when absent. */
    validTo: isoMonthSchema.optional(),
    /** SHA-256 (hex) of the key's 64 bytes. */
    keyHash: sha256HexSchema,
  })
  .strict()
  .refine((request) => request.validTo === undefined || request.validFrom < request.validTo, {
    message: 'validTo must lie after validFrom',
    path: ['validTo'],
  });
export type KeyIssuanceRequest = z.infer<typeof keyIssuanceRequestSchema>;

/** A successor's issuance sets `validTo` of an open-ended predecessor to its own `validFrom`. */
export const keyRecordSchema = z.object({
  keyId: keyIdSchema,
  accountId: accountIdSchema,
  meterId: meterIdSchema,
  tariffId: tariffIdSchema,
  tariffVersion: tariffVersionSchema,
  partitionId: sha256HexSchema,
  validFrom: isoMonthSchema,
  validTo: isoMonthSchema.optional(),
  keyHash: sha256HexSchema,
  issuedByMsp: mspIdSchema,
  issuedAt: isoTimestampSchema,
  txId: ledgerTxIdSchema,
});
export type KeyRecord = z.infer<typeof keyRecordSchema>;

// ---- statements ---------------------------------------------------------------------------------------------------

export const computeStatementRequestSchema = z
  .object({ accountId: accountIdSchema, period: isoMonthSchema, keyId: keyIdSchema })
  .strict();
export type ComputeStatementRequest = z.infer<typeof computeStatementRequestSchema>;

export const statementKeySchema = z.object({ accountId: accountIdSchema, period: isoMonthSchema }).strict();
export type StatementKey = z.infer<typeof statementKeySchema>;

/** Slots `fromSlot`..`toSlot` (both inclusive) of one UTC day without a recorded ciphertext. */
export const missingSlotsSchema = z.object({ day: isoDaySchema, fromSlot: slotSchema, toSlot: slotSchema });
export type MissingSlots = z.infer<typeof missingSlotsSchema>;

const statementShape = {
  accountId: accountIdSchema,
  utility: principalNameSchema,
  customer: principalNameSchema,
  meterId: meterIdSchema,
  period: isoMonthSchema,
  tariffId: tariffIdSchema,
  tariffVersion: tariffVersionSchema,
  currency: z.string().regex(/^[A-Z]{3}$/),
  keyId: keyIdSchema,
  slotsExpected: z.number().int().nonnegative(),
  slotsReceived: z.number().int().nonnegative(),
  /** The first MAX_MISSING_RANGES ranges, in day and slot order. */
  missing: z.array(missingSlotsSchema).max(MAX_MISSING_RANGES),
  /** SHA-256 (hex) of the period's ciphertexts in (day, slot) order, see the billing contract. */
  ciphertextSetSha256: sha256HexSchema,
  revision: z.number().int().min(1),
  computedByMsp: mspIdSchema,
  computedAt: isoTimestampSchema,
  txId: ledgerTxIdSchema,
};
const safeIntegerSchema = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

/**
 * The bill of one account's month. `complete`: every slot had its ciphertext; ⟨readings, weights⟩ in thousandths of
 * a minor unit (Wh × minor/kWh), and `amountMinor` rounded half away from zero. `incomplete`: the missing slots,
 * never an amount; recomputed as a new revision once readings arrive.
 */
export const statementSchema = z.discriminatedUnion('status', [
  z.object({
    ...statementShape,
    status: z.literal('complete'),
    innerProductMilliMinor: safeIntegerSchema,
    amountMinor: safeIntegerSchema,
  }),
  z.object({ ...statementShape, status: z.literal('incomplete') }),
]);
export type Statement = z.infer<typeof statementSchema>;

// ---- ciphertexts --------------------------------------------------------------------------------------------------

export const listCiphertextsRequestSchema = z
  .object({ meterId: meterIdSchema, period: isoMonthSchema })
  .strict();
export type ListCiphertextsRequest = z.infer<typeof listCiphertextsRequestSchema>;

/** A recorded energy-fe slot: the reading's `seq` and its ciphertext (base64 of 32 bytes). */
export const slotCiphertextSchema = z.object({
  day: isoDaySchema,
  slot: slotSchema,
  seq: sequenceNumberSchema,
  ciphertext: base64Schema,
});
export type SlotCiphertext = z.infer<typeof slotCiphertextSchema>;

/**
 * The slot index entry of an energy-fe reading (`fe-slot` composite key: meterId, day, slot as two digits), written
 * by the measurement contract with the measurement: at most one ciphertext per slot and label.
 */
export const feSlotEntrySchema = z.object({
  seq: sequenceNumberSchema,
  ciphertext: base64Schema,
  readingDigest: sha256HexSchema,
});
export type FeSlotEntry = z.infer<typeof feSlotEntrySchema>;

// ---- chaincode events (one per write transaction) ----------------------------------------------------------------

export const BillingEvents = {
  tariffApproved: 'billing.tariff.approved',
  accountOpened: 'billing.account.opened',
  keyIssued: 'billing.key.issued',
  statementComputed: 'billing.statement.computed',
} as const;
export type BillingEventName = (typeof BillingEvents)[keyof typeof BillingEvents];

/** The new key and, when it ended an open-ended predecessor, that predecessor as now stored. */
export const keyIssuedEventSchema = z.object({ key: keyRecordSchema, ended: keyRecordSchema.optional() });
export type KeyIssuedEvent = z.infer<typeof keyIssuedEventSchema>;

export const BILLING_EVENT_SCHEMAS = {
  [BillingEvents.tariffApproved]: tariffSchema,
  [BillingEvents.accountOpened]: accountSchema,
  [BillingEvents.keyIssued]: keyIssuedEventSchema,
  [BillingEvents.statementComputed]: statementSchema,
} as const satisfies Record<BillingEventName, z.ZodTypeAny>;
