import { BILLING_CONTRACT, type BillingTransactions } from '@metrochain/contracts';
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { requireRole } from '../common/access-control';
import { toCanonicalJson } from '../common/state';
import { openAccount, parseAccountRequest } from './accounts';
import {
  getAccount,
  getStatement,
  getTariff,
  listCiphertexts,
  listStatements,
  parseListCiphertextsRequest,
  parseStatementKey,
} from './billing-queries';
import { BILLING_ROLE, parseAccountId } from './billing-state';
import { computeStatement, parseComputeStatementRequest } from './compute-statement';
import { type FeEvaluator, evaluateWithLibFe } from './fe-evaluator';
import { issueKey, listKeys, parseKeyIssuanceRequest } from './keys';
import { approveTariff, listTariffs, parseTariffAddress, parseTariffApprovalRequest } from './tariffs';

type BillingTransactionName = (typeof BillingTransactions)[keyof typeof BillingTransactions];
/** Makes the compiler fail when the contract library names a transaction this class does not implement. */
type BillingTransactionMethods = Record<
  BillingTransactionName,
  (ctx: Context, ...args: string[]) => Promise<string>
>;

// `Context` is imported as a value: fabric-contract-api recognises the context parameter by its emitted design type.
@Info({
  title: BILLING_CONTRACT,
  description:
    'Tariff catalogue, accounts, functional-key issuance and statements computed from encrypted readings',
})
export class BillingContract extends Contract implements BillingTransactionMethods {
  #evaluate: FeEvaluator = evaluateWithLibFe;

  constructor() {
    super(BILLING_CONTRACT);
  }

  /** The contract with libs/fe's bill evaluation stood in for (tests); the chaincode server uses `new`. */
  static withEvaluator(evaluate: FeEvaluator): BillingContract {
    const contract = new BillingContract();
    contract.#evaluate = evaluate;
    return contract;
  }

  @Transaction()
  @Returns('string')
  async approveTariff(ctx: Context, requestJson: string): Promise<string> {
    const mspId = requireRole(ctx, BILLING_ROLE);
    return approveTariff(ctx, parseTariffApprovalRequest(requestJson), mspId);
  }

  @Transaction(false)
  @Returns('string')
  async getTariff(ctx: Context, tariffId: string, version: string): Promise<string> {
    const address = parseTariffAddress(tariffId, version);
    return getTariff(ctx, address.tariffId, address.version);
  }

  @Transaction(false)
  @Returns('string')
  async listTariffs(ctx: Context): Promise<string> {
    return toCanonicalJson(await listTariffs(ctx));
  }

  @Transaction()
  @Returns('string')
  async openAccount(ctx: Context, requestJson: string): Promise<string> {
    const mspId = requireRole(ctx, BILLING_ROLE);
    return openAccount(ctx, parseAccountRequest(requestJson), mspId);
  }

  @Transaction(false)
  @Returns('string')
  async getAccount(ctx: Context, accountId: string): Promise<string> {
    return getAccount(ctx, parseAccountId(accountId));
  }

  @Transaction()
  @Returns('string')
  async issueKey(ctx: Context, requestJson: string): Promise<string> {
    const mspId = requireRole(ctx, BILLING_ROLE);
    return issueKey(ctx, parseKeyIssuanceRequest(requestJson), mspId);
  }

  @Transaction(false)
  @Returns('string')
  async listKeys(ctx: Context, accountId: string): Promise<string> {
    return listKeys(ctx, parseAccountId(accountId));
  }

  /** The functional key travels in the transient map (FUNCTIONAL_KEY_TRANSIENT), never in the transaction. */
  @Transaction()
  @Returns('string')
  async computeStatement(ctx: Context, requestJson: string): Promise<string> {
    const mspId = requireRole(ctx, BILLING_ROLE);
    return computeStatement(ctx, parseComputeStatementRequest(requestJson), mspId, this.#evaluate);
  }

  @Transaction(false)
  @Returns('string')
  async getStatement(ctx: Context, accountId: string, period: string): Promise<string> {
    return getStatement(ctx, parseStatementKey(accountId, period));
  }

  @Transaction(false)
  @Returns('string')
  async listStatements(ctx: Context, accountId: string): Promise<string> {
    return listStatements(ctx, parseAccountId(accountId));
  }

  @Transaction(false)
  @Returns('string')
  async listCiphertexts(ctx: Context, requestJson: string): Promise<string> {
    return listCiphertexts(ctx, parseListCiphertextsRequest(requestJson));
  }
}
