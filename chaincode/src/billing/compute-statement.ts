import {
  type Account,
  BillingEvents,
  type ComputeStatementRequest,
  FUNCTIONAL_KEY_TRANSIENT,
  type KeyRecord,
  type Statement,
  type Tariff,
  computeStatementRequestSchema,
} from '@metrochain/contracts';
import { feLabel } from '@metrochain/fe';
import type { Context } from 'fabric-contract-api';
import { createHash } from 'node:crypto';
import { ChaincodeError } from '../common/chaincode-error';
import { toCanonicalJson } from '../common/state';
import { transactionTimeIso } from '../common/transaction-time';
import { parseJsonArgument } from '../common/validate-argument';
import { emitBillingEvent, findKey, findStatement, putStatement, requireAccount } from './billing-state';
import { type FeEvaluator, evaluateBill } from './fe-evaluator';
import { readFeSlotsOfMonth } from './fe-slot-index';
import { daysOfMonth, monthEndMs } from './months';
import { ciphertextSetSha256, roundMilliToMinor, slotCoverage, slotWeights } from './statement-math';
import { requireTariff } from './tariffs';

const FUNCTIONAL_KEY_BYTES = 64;

export function parseComputeStatementRequest(requestJson: string): ComputeStatementRequest {
  return parseJsonArgument(computeStatementRequestSchema, requestJson, 'compute statement request');
}

/** The functional key from the transient map (never in the transaction): base64 of 64 bytes, as UTF-8. */
export function functionalKeyOf(ctx: Context): string {
  const bytes = ctx.stub.getTransient().get(FUNCTIONAL_KEY_TRANSIENT);
  if (bytes === undefined || bytes.length === 0) {
    throw new ChaincodeError('FE_KEY_MISSING', `the transient map holds no '${FUNCTIONAL_KEY_TRANSIENT}'`);
  }
  const key = Buffer.from(bytes).toString('utf8');
  const decoded = Buffer.from(key, 'base64');
  if (decoded.length !== FUNCTIONAL_KEY_BYTES || decoded.toString('base64') !== key) {
    throw new ChaincodeError(
      'INVALID_ARGUMENT',
      `the functional key is not base64 of ${String(FUNCTIONAL_KEY_BYTES)} bytes`,
    );
  }
  return key;
}

/**
 * The bill of an ended month (docs/billing.md, "The bill"). Checks the period against the account and the
 * transaction time, the key against its issuance, gathers the month's ciphertexts, and writes a statement:
 * `incomplete` (missing slots, no amount) or `complete` (the inner product solved with the key). A complete
 * statement is final and returned unchanged without a write; an incomplete one becomes a new revision when the
 * ciphertext set changed (unchanged, it is returned as it is). FE_NO_RESULT writes nothing.
 */
export async function computeStatement(
  ctx: Context,
  request: ComputeStatementRequest,
  computedByMsp: string,
  evaluate: FeEvaluator,
): Promise<string> {
  const functionalKey = functionalKeyOf(ctx);
  const account = await requireAccount(ctx, request.accountId);
  requireEndedBilledPeriod(ctx, account, request.period);
  const key = await requireKeyFor(ctx, account, request, functionalKey);
  const previous = await findStatement(ctx, account.accountId, request.period);
  if (previous?.status === 'complete') {
    return toCanonicalJson(previous);
  }
  const tariff = await requireTariff(ctx, key.tariffId, key.tariffVersion);
  const days = daysOfMonth(request.period);
  const recorded = await readFeSlotsOfMonth(ctx, account.meterId, request.period);
  const setSha256 = ciphertextSetSha256(recorded);
  if (previous !== undefined && previous.ciphertextSetSha256 === setSha256) {
    return toCanonicalJson(previous);
  }
  const coverage = slotCoverage(days, recorded);
  const base = {
    ...statementParties(account, request.period, tariff, key),
    ...coverage,
    ciphertextSetSha256: setSha256,
    revision: (previous?.revision ?? 0) + 1,
    computedByMsp,
    computedAt: transactionTimeIso(ctx),
    txId: ctx.stub.getTxID(),
  };
  let statement: Statement;
  if (coverage.missing.length > 0) {
    statement = { ...base, status: 'incomplete' };
  } else {
    const feDays = days.map((day) => ({
      label: feLabel(account.meterId, day),
      ciphertexts: recorded.filter((slot) => slot.day === day).map((slot) => slot.ciphertext),
    }));
    const milli = evaluateBill(evaluate, functionalKey, slotWeights(tariff), feDays);
    statement = {
      ...base,
      status: 'complete',
      innerProductMilliMinor: Number(milli),
      amountMinor: Number(roundMilliToMinor(milli)),
    };
  }
  const json = await putStatement(ctx, statement);
  emitBillingEvent(ctx, BillingEvents.statementComputed, statement);
  return json;
}

function requireEndedBilledPeriod(ctx: Context, account: Account, period: string): void {
  if (period < account.billingFrom) {
    throw new ChaincodeError(
      'PERIOD_BEFORE_BILLING',
      `account ${account.accountId} is billed from ${account.billingFrom}, not for ${period}`,
      { accountId: account.accountId, period },
    );
  }
  const now = transactionTimeIso(ctx);
  if (Date.parse(now) < monthEndMs(period)) {
    throw new ChaincodeError('PERIOD_OPEN', `period ${period} has not ended at ${now}`, { period });
  }
}

async function requireKeyFor(
  ctx: Context,
  account: Account,
  request: ComputeStatementRequest,
  functionalKey: string,
): Promise<KeyRecord> {
  const key = await findKey(ctx, account.meterId, request.keyId);
  if (key?.accountId !== account.accountId) {
    throw new ChaincodeError('KEY_UNKNOWN', `account ${account.accountId} has no key ${request.keyId}`, {
      accountId: account.accountId,
      keyId: request.keyId,
    });
  }
  const hash = createHash('sha256').update(Buffer.from(functionalKey, 'base64')).digest('hex');
  if (hash !== key.keyHash) {
    throw new ChaincodeError('KEY_MISMATCH', `the functional key is not key ${key.keyId} as issued`, {
      keyId: key.keyId,
    });
  }
  if (request.period < key.validFrom || (key.validTo !== undefined && request.period >= key.validTo)) {
    throw new ChaincodeError(
      'KEY_NOT_VALID_FOR_PERIOD',
      `key ${key.keyId} is valid from ${key.validFrom} to ${key.validTo ?? 'open'}, not for ${request.period}`,
      { keyId: key.keyId, period: request.period },
    );
  }
  return key;
}

function statementParties(
  account: Account,
  period: string,
  tariff: Tariff,
  key: KeyRecord,
): Pick<
  Statement,
  | 'accountId'
  | 'utility'
  | 'customer'
  | 'meterId'
  | 'period'
  | 'tariffId'
  | 'tariffVersion'
  | 'currency'
  | 'keyId'
> {
  return {
    accountId: account.accountId,
    utility: account.utility,
    customer: account.customer,
    meterId: account.meterId,
    period,
    tariffId: tariff.tariffId,
    tariffVersion: tariff.version,
    currency: tariff.currency,
    keyId: key.keyId,
  };
}
