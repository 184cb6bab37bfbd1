import {
  findInstance,
  networkServices,
  serviceBaseUrl,
  type Environment,
  type NetworkFile,
} from '@metrochain/tool-kit';

/** What the devnet starts: the first NMI's billing instance. */
export const DEFAULT_BILLING_URL = 'http://127.0.0.1:3004';
export const BILLING_URL_ENV = 'METROCHAIN_BILLING_URL';

export type EndpointSource = 'option' | 'environment' | 'network-file' | 'default';

export interface Endpoint {
  /** Base URL without a trailing slash. */
  url: string;
  source: EndpointSource;
  /** The organisation whose instance the network file named. */
  org?: string;
}

export interface EndpointQuery {
  /** --billing */
  option: string | undefined;
  env: Environment;
  readNetworkFile(): NetworkFile | undefined;
}

/** --billing, else $METROCHAIN_BILLING_URL, else the network file's (first) billing instance, else the default. */
export function resolveBillingEndpoint(query: EndpointQuery): Endpoint {
  if (query.option !== undefined) {
    return { url: serviceBaseUrl(query.option, '--billing'), source: 'option' };
  }
  const fromEnv = query.env[BILLING_URL_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    return { url: serviceBaseUrl(fromEnv, BILLING_URL_ENV), source: 'environment' };
  }
  const network = query.readNetworkFile();
  const found = network === undefined ? undefined : findInstance(networkServices(network), 'billing');
  if (network === undefined || found === undefined) {
    return { url: DEFAULT_BILLING_URL, source: 'default' };
  }
  return { url: serviceBaseUrl(found.url, network.file), source: 'network-file', org: found.org };
}
