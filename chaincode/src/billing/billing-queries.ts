import {
  type ListCiphertextsRequest,
  type Statement,
  type StatementKey,
  listCiphertextsRequestSchema,
  statementKeySchema,
} from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { ChaincodeError } from '../common/chaincode-error';
import { toCanonicalJson } from '../common/state';
import { parseJsonArgument, validateArgument } from '../common/validate-argument';
import { findStatement, findTariff, listStatementRecords, requireAccount } from './billing-state';
import { readFeSlotsOfMonth } from './fe-slot-index';

export function parseStatementKey(accountId: string, period: string): StatementKey {
  return validateArgument(statementKeySchema, { accountId, period }, 'statement key');
}

export function parseListCiphertextsRequest(requestJson: string): ListCiphertextsRequest {
  return parseJsonArgument(listCiphertextsRequestSchema, requestJson, 'list ciphertexts request');
}

export async function getTariff(ctx: Context, tariffId: string, version: number): Promise<string> {
  const tariff = await findTariff(ctx, tariffId, version);
  if (tariff === undefined) {
    throw new ChaincodeError(
      'NOT_FOUND',
      `tariff ${tariffId} version ${String(version)} is not in the catalogue`,
      {
        tariffId,
        version,
      },
    );
  }
  return toCanonicalJson(tariff);
}

export async function getAccount(ctx: Context, accountId: string): Promise<string> {
  return toCanonicalJson(await requireAccount(ctx, accountId));
}

export async function getStatement(ctx: Context, key: StatementKey): Promise<string> {
  const statement = await findStatement(ctx, key.accountId, key.period);
  if (statement === undefined) {
    throw new ChaincodeError('NOT_FOUND', `account ${key.accountId} has no statement for ${key.period}`, key);
  }
  return toCanonicalJson(statement);
}

/** The account's statements, latest revision each, in period order (ACCOUNT_UNKNOWN for an unknown account). */
export async function listStatements(ctx: Context, accountId: string): Promise<string> {
  await requireAccount(ctx, accountId);
  const statements: Statement[] = await listStatementRecords(ctx, accountId);
  return toCanonicalJson(statements);
}

/** The meter's recorded ciphertexts of the month, in (day, slot) order: what its customer decrypts. */
export async function listCiphertexts(ctx: Context, request: ListCiphertextsRequest): Promise<string> {
  return toCanonicalJson(await readFeSlotsOfMonth(ctx, request.meterId, request.period));
}
