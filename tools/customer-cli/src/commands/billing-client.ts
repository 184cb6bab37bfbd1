import { BillingApiClient, findPrincipal, principalToken, readNetworkFile } from '@metrochain/tool-kit';
import type { CommandContext } from '../command';
import { resolveBillingEndpoint } from '../endpoints/endpoint';

export interface BillingOptions {
  billing?: string | undefined;
  token?: string | undefined;
  customer?: string | undefined;
}

/** The billing API as the customer: every command but the tariff read needs the account's customer. */
export function billingClient(values: BillingOptions, context: CommandContext): BillingApiClient {
  const { url } = resolveBillingEndpoint({
    option: values.billing,
    env: context.env,
    readNetworkFile: () => readNetworkFile(context.env),
  });
  return new BillingApiClient({
    baseUrl: url,
    timeoutMs: context.httpTimeoutMs,
    bearerToken: customerToken(values, context),
  });
}

/**
 * --token, else $METROCHAIN_TOKEN, else the network file's customer named by --customer (PRINCIPAL_UNKNOWN when it
 * has none such), else its first customer; without any, the request goes out anonymous and the service answers 401
 * UNAUTHENTICATED.
 */
export function customerToken(values: BillingOptions, context: CommandContext): string | undefined {
  const given = values.token ?? context.env['METROCHAIN_TOKEN'];
  if (given !== undefined && given !== '') {
    return given;
  }
  const networkFile = readNetworkFile(context.env);
  if (values.customer !== undefined) {
    return principalToken(networkFile, { role: 'customer', name: values.customer });
  }
  return findPrincipal(networkFile, { role: 'customer' })?.token;
}
