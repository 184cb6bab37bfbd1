import {
  BillingEvents,
  type KeyIssuanceRequest,
  type KeyRecord,
  keyIssuanceRequestSchema,
} from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { ChaincodeError } from '../common/chaincode-error';
import { toCanonicalJson } from '../common/state';
import { transactionTimeIso } from '../common/transaction-time';
import { parseJsonArgument } from '../common/validate-argument';
import { emitBillingEvent, isKeyIdTaken, listMeterKeys, putKey, requireAccount } from './billing-state';
import { applyKeyPolicy } from './key-policy';
import { requireTariff } from './tariffs';

export function parseKeyIssuanceRequest(requestJson: string): KeyIssuanceRequest {
  return parseJsonArgument(keyIssuanceRequestSchema, requestJson, 'key issuance request');
}

/**
 * Records a functional key's issuance under the key policy (see applyKeyPolicy): its hash, never the key. Ends an
 * open-ended predecessor of the account in the same transaction. Emits billing.key.issued with both records.
 */
export async function issueKey(
  ctx: Context,
  request: KeyIssuanceRequest,
  issuedByMsp: string,
): Promise<string> {
  if (await isKeyIdTaken(ctx, request.keyId)) {
    throw new ChaincodeError('ALREADY_EXISTS', `key ${request.keyId} is issued already`, {
      keyId: request.keyId,
    });
  }
  const account = await requireAccount(ctx, request.accountId);
  const tariff = await requireTariff(ctx, request.tariffId, request.tariffVersion);
  const meterKeys = await listMeterKeys(ctx, account.meterId);
  const { ended } = applyKeyPolicy({ request, account, tariff, meterKeys });
  const key: KeyRecord = {
    keyId: request.keyId,
    accountId: account.accountId,
    meterId: account.meterId,
    tariffId: tariff.tariffId,
    tariffVersion: tariff.version,
    partitionId: tariff.partitionId,
    validFrom: request.validFrom,
    ...(request.validTo === undefined ? {} : { validTo: request.validTo }),
    keyHash: request.keyHash,
    issuedByMsp,
    issuedAt: transactionTimeIso(ctx),
    txId: ctx.stub.getTxID(),
  };
  if (ended !== undefined) {
    await putKey(ctx, ended, false);
  }
  const json = await putKey(ctx, key, true);
  emitBillingEvent(ctx, BillingEvents.keyIssued, { key, ...(ended === undefined ? {} : { ended }) });
  return json;
}

/** The account's keys, ordered by validFrom (ACCOUNT_UNKNOWN for an unknown account). */
export async function listKeys(ctx: Context, accountId: string): Promise<string> {
  const account = await requireAccount(ctx, accountId);
  const keys = (await listMeterKeys(ctx, account.meterId))
    .filter((key) => key.accountId === accountId)
    .sort((left, right) => (left.validFrom < right.validFrom ? -1 : 1));
  return toCanonicalJson(keys);
}
