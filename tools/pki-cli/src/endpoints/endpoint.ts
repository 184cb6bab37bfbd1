import {
  ToolErrorCode,
  findInstance,
  networkServices,
  serviceBaseUrl,
  toolError,
  type Environment,
  type NetworkFile,
} from '@metrochain/tool-kit';

export type ServiceName = 'registration' | 'verification';

/** What the devnet starts: PTB's instances (docs/foundation.md). */
export const DEFAULT_SERVICE_URLS: Readonly<Record<ServiceName, string>> = {
  registration: 'http://127.0.0.1:3001',
  verification: 'http://127.0.0.1:3002',
};

export const SERVICE_URL_ENV: Readonly<Record<ServiceName, string>> = {
  registration: 'METROCHAIN_REGISTRATION_URL',
  verification: 'METROCHAIN_VERIFICATION_URL',
};

export type EndpointSource = 'option' | 'environment' | 'network-file' | 'default';

export interface Endpoint {
  service: ServiceName;
  /** Base URL without a trailing slash. */
  url: string;
  source: EndpointSource;
  /** The organisation whose instance the network file named. */
  org?: string;
}

export interface EndpointQuery {
  service: ServiceName;
  /** --registration / --verification */
  option: string | undefined;
  /** --org: only that NMI's instance from the network file will do. */
  org: string | undefined;
  env: Environment;
  readNetworkFile(): NetworkFile | undefined;
}

/**
 * --registration/--verification, else --org's instance in the network file (required then: talking to another NMI's
 * service by mistake would attest in the wrong name), else the environment, else the network file, else the devnet's
 * default.
 */
export function resolveEndpoint(query: EndpointQuery): Endpoint {
  const { service, option, org } = query;
  if (option !== undefined) {
    return { service, url: serviceBaseUrl(option, `--${service}`), source: 'option' };
  }
  if (org !== undefined) {
    return orgInstance(query, org);
  }
  const variable = SERVICE_URL_ENV[service];
  const fromEnv = query.env[variable];
  if (fromEnv !== undefined && fromEnv !== '') {
    return { service, url: serviceBaseUrl(fromEnv, variable), source: 'environment' };
  }
  return (
    listedInstance(query, undefined) ?? { service, url: DEFAULT_SERVICE_URLS[service], source: 'default' }
  );
}

function listedInstance(query: EndpointQuery, org: string | undefined): Endpoint | undefined {
  const network = query.readNetworkFile();
  const found =
    network === undefined ? undefined : findInstance(networkServices(network), query.service, org);
  if (network === undefined || found === undefined) {
    return undefined;
  }
  return {
    service: query.service,
    url: serviceBaseUrl(found.url, network.file),
    source: 'network-file',
    org: found.org,
  };
}

function orgInstance(query: EndpointQuery, org: string): Endpoint {
  const found = listedInstance(query, org);
  if (found === undefined) {
    const message = `no ${query.service} instance of ${org} in the network file (.devnet/network.json or $METROCHAIN_NETWORK_FILE)`;
    throw toolError(ToolErrorCode.ENDPOINT_UNKNOWN, message, { details: { service: query.service, org } });
  }
  return found;
}
