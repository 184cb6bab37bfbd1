import {
  type Account,
  type AccountInput,
  BillingApiPaths,
  type KeyInput,
  type KeyRecord,
  type SlotCiphertext,
  type Statement,
  type Tariff,
  type TariffInput,
  accountSchema,
  keyRecordSchema,
  slotCiphertextSchema,
  statementSchema,
  tariffSchema,
} from '@metrochain/contracts';
import { JsonClient, type CallOptions, type JsonClientOptions } from './json-client';

type Call = Readonly<Omit<CallOptions, 'params'>>;

/** The billing service's API (libs/contracts billing-api), answers checked against its schemas. */
export class BillingApiClient {
  readonly #http: JsonClient;

  constructor(options: Readonly<JsonClientOptions>) {
    this.#http = new JsonClient(options);
  }

  approveTariff(input: Readonly<TariffInput>, call: Call = {}): Promise<Tariff> {
    return this.#http.post(BillingApiPaths.tariffs, input, tariffSchema, call);
  }

  getTariff(tariffId: string, version: number, call: Call = {}): Promise<Tariff> {
    const params = { tariffId, version: String(version) };
    return this.#http.get(BillingApiPaths.tariff, tariffSchema, { ...call, params });
  }

  openAccount(input: Readonly<AccountInput>, call: Call = {}): Promise<Account> {
    return this.#http.post(BillingApiPaths.accounts, input, accountSchema, call);
  }

  getAccount(accountId: string, call: Call = {}): Promise<Account> {
    return this.#http.get(BillingApiPaths.account, accountSchema, { ...call, params: { accountId } });
  }

  issueKey(accountId: string, input: Readonly<KeyInput>, call: Call = {}): Promise<KeyRecord> {
    return this.#http.post(BillingApiPaths.keys, input, keyRecordSchema, { ...call, params: { accountId } });
  }

  statements(accountId: string, call: Call = {}): Promise<Statement[]> {
    return this.#http.get(BillingApiPaths.statements, statementSchema.array(), {
      ...call,
      params: { accountId },
    });
  }

  closePeriod(accountId: string, period: string, call: Call = {}): Promise<Statement> {
    return this.#http.post(BillingApiPaths.statements, { period }, statementSchema, {
      ...call,
      params: { accountId },
    });
  }

  ciphertexts(accountId: string, period: string, call: Call = {}): Promise<SlotCiphertext[]> {
    const path = `${BillingApiPaths.ciphertexts}?period=${encodeURIComponent(period)}`;
    return this.#http.get(path, slotCiphertextSchema.array(), { ...call, params: { accountId } });
  }
}
