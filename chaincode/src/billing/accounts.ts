import {
  type Account,
  type AccountRequest,
  BillingEvents,
  accountRequestSchema,
} from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { ChaincodeError } from '../common/chaincode-error';
import { transactionTimeIso } from '../common/transaction-time';
import { parseJsonArgument } from '../common/validate-argument';
import { requireMeter } from '../registry/registry-state';
import { emitBillingEvent, findAccount, putAccount } from './billing-state';

export function parseAccountRequest(requestJson: string): AccountRequest {
  return parseJsonArgument(accountRequestSchema, requestJson, 'account request');
}

/**
 * Opens an account for a meter the registry knows (METER_UNKNOWN otherwise; its status does not matter: readings
 * are checked when recorded). An accountId is taken once (ALREADY_EXISTS). Emits billing.account.opened.
 */
export async function openAccount(
  ctx: Context,
  request: AccountRequest,
  openedByMsp: string,
): Promise<string> {
  if ((await findAccount(ctx, request.accountId)) !== undefined) {
    throw new ChaincodeError('ALREADY_EXISTS', `account ${request.accountId} is open already`, {
      accountId: request.accountId,
    });
  }
  await requireMeter(ctx, request.meterId);
  const account: Account = {
    ...request,
    openedByMsp,
    openedAt: transactionTimeIso(ctx),
    txId: ctx.stub.getTxID(),
  };
  const json = await putAccount(ctx, account);
  emitBillingEvent(ctx, BillingEvents.accountOpened, account);
  return json;
}
