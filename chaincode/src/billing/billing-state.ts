import {
  type Account,
  BILLING_CONTRACT,
  BILLING_EVENT_SCHEMAS,
  type BillingEventName,
  type KeyRecord,
  type Role,
  type Statement,
  type Tariff,
  accountIdSchema,
  accountSchema,
  keyRecordSchema,
  statementSchema,
  tariffSchema,
} from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { ChaincodeError } from '../common/chaincode-error';
import { getParsedState, listParsedState, putCanonicalState, toCanonicalJson } from '../common/state';
import { validateArgument } from '../common/validate-argument';

/** The billing service's identity writes; reads are open to every member. */
export const BILLING_ROLE: Role = 'billing';

// Prefixed like the other contracts' object types: all contracts share one chaincode namespace.
const TARIFF_OBJECT_TYPE = `${BILLING_CONTRACT}-tariff`;
const ACCOUNT_OBJECT_TYPE = `${BILLING_CONTRACT}-account`;
/** Key records by meter (the key policy reads a meter's keys at once), and which meter a keyId belongs to. */
const KEY_OBJECT_TYPE = `${BILLING_CONTRACT}-key`;
const KEY_ID_OBJECT_TYPE = `${BILLING_CONTRACT}-key-id`;
const STATEMENT_OBJECT_TYPE = `${BILLING_CONTRACT}-statement`;
// Zero-padded so that key order is version order.
const VERSION_DIGITS = 7;

export function parseAccountId(accountId: string): string {
  return validateArgument(accountIdSchema, accountId, 'account id');
}

function tariffKey(ctx: Context, tariffId: string, version: number): string {
  return ctx.stub.createCompositeKey(TARIFF_OBJECT_TYPE, [
    tariffId,
    String(version).padStart(VERSION_DIGITS, '0'),
  ]);
}

export async function findTariff(
  ctx: Context,
  tariffId: string,
  version: number,
): Promise<Tariff | undefined> {
  return getParsedState(ctx, tariffKey(ctx, tariffId, version), tariffSchema);
}

export async function putTariff(ctx: Context, tariff: Tariff): Promise<string> {
  return putCanonicalState(ctx, tariffKey(ctx, tariff.tariffId, tariff.version), tariffSchema.parse(tariff));
}

export async function listTariffRecords(ctx: Context): Promise<Tariff[]> {
  return listParsedState(ctx, TARIFF_OBJECT_TYPE, [], tariffSchema);
}

function accountKey(ctx: Context, accountId: string): string {
  return ctx.stub.createCompositeKey(ACCOUNT_OBJECT_TYPE, [accountId]);
}

export async function findAccount(ctx: Context, accountId: string): Promise<Account | undefined> {
  return getParsedState(ctx, accountKey(ctx, accountId), accountSchema);
}

/** The account, or ACCOUNT_UNKNOWN. */
export async function requireAccount(ctx: Context, accountId: string): Promise<Account> {
  const account = await findAccount(ctx, accountId);
  if (account === undefined) {
    throw new ChaincodeError('ACCOUNT_UNKNOWN', `account ${accountId} is not open`, { accountId });
  }
  return account;
}

export async function putAccount(ctx: Context, account: Account): Promise<string> {
  return putCanonicalState(ctx, accountKey(ctx, account.accountId), accountSchema.parse(account));
}

function keyRecordKey(ctx: Context, meterId: string, keyId: string): string {
  return ctx.stub.createCompositeKey(KEY_OBJECT_TYPE, [meterId, keyId]);
}

function keyIdKey(ctx: Context, keyId: string): string {
  return ctx.stub.createCompositeKey(KEY_ID_OBJECT_TYPE, [keyId]);
}

export async function isKeyIdTaken(ctx: Context, keyId: string): Promise<boolean> {
  return (await ctx.stub.getState(keyIdKey(ctx, keyId))).length > 0;
}

export async function findKey(ctx: Context, meterId: string, keyId: string): Promise<KeyRecord | undefined> {
  return getParsedState(ctx, keyRecordKey(ctx, meterId, keyId), keyRecordSchema);
}

/** Every key issued for the meter, whatever the account, ordered by keyId. */
export async function listMeterKeys(ctx: Context, meterId: string): Promise<KeyRecord[]> {
  return listParsedState(ctx, KEY_OBJECT_TYPE, [meterId], keyRecordSchema);
}

/** Writes a key record; a new one also claims its keyId. */
export async function putKey(ctx: Context, key: KeyRecord, isNew: boolean): Promise<string> {
  if (isNew) {
    await putCanonicalState(ctx, keyIdKey(ctx, key.keyId), {
      meterId: key.meterId,
      accountId: key.accountId,
    });
  }
  return putCanonicalState(ctx, keyRecordKey(ctx, key.meterId, key.keyId), keyRecordSchema.parse(key));
}

function statementKey(ctx: Context, accountId: string, period: string): string {
  return ctx.stub.createCompositeKey(STATEMENT_OBJECT_TYPE, [accountId, period]);
}

export async function findStatement(
  ctx: Context,
  accountId: string,
  period: string,
): Promise<Statement | undefined> {
  return getParsedState(ctx, statementKey(ctx, accountId, period), statementSchema);
}

export async function listStatementRecords(ctx: Context, accountId: string): Promise<Statement[]> {
  return listParsedState(ctx, STATEMENT_OBJECT_TYPE, [accountId], statementSchema);
}

export async function putStatement(ctx: Context, statement: Statement): Promise<string> {
  const key = statementKey(ctx, statement.accountId, statement.period);
  return putCanonicalState(ctx, key, statementSchema.parse(statement));
}

/** Validates the payload against its contract schema, then sets it as the transaction's one chaincode event. */
export function emitBillingEvent(ctx: Context, name: BillingEventName, payload: unknown): void {
  const valid: unknown = BILLING_EVENT_SCHEMAS[name].parse(payload);
  ctx.stub.setEvent(name, Buffer.from(toCanonicalJson(valid), 'utf8'));
}
