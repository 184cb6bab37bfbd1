import {
  ToolErrorCode,
  networkPrincipals,
  networkServices,
  readNetworkFile,
  toolError,
  type Environment,
  type NetworkServices,
  type ServiceInstance,
} from '@metrochain/tool-kit';
import type { FleetCredentials } from '../fleet/fleet';

/** What the devnet starts for the measurement service (docs/measurement.md). */
export const DEFAULT_MEASUREMENT_URL = 'http://127.0.0.1:3003';

export interface EndpointQuery {
  /** --network-file; else $METROCHAIN_NETWORK_FILE, else the repository's .devnet/network.json. */
  networkFile: string | undefined;
  /** --measurement-url */
  measurementUrl: string | undefined;
  env: Environment;
}

function servicesOf(query: EndpointQuery): { file: string; services: NetworkServices | undefined } {
  const network = readNetworkFile(query.env, query.networkFile);
  if (network === undefined) {
    return { file: query.networkFile ?? '(none)', services: undefined };
  }
  return { file: network.file, services: networkServices(network) };
}

/**
 * The first manufacturer the network file provisioned, and the operator of the first registration instance's NMI
 * (to approve the fleet's models); undefined without a network file (then models must be approved already and
 * the services must accept the fleet without a token, which no service here does).
 */
export function fleetCredentialsOf(query: EndpointQuery): FleetCredentials | undefined {
  const network = readNetworkFile(query.env, query.networkFile);
  const principals = networkPrincipals(network);
  const manufacturer = principals.find((principal) => principal.role === 'manufacturer');
  if (manufacturer === undefined) {
    return undefined;
  }
  const firstNmi = (network === undefined ? undefined : networkServices(network))?.['registration']?.[0]
    ?.mspId;
  const operator = principals.find(
    (principal) => principal.role === 'nmi-operator' && principal.nmi === firstNmi,
  );
  return {
    manufacturer: { name: manufacturer.name, token: manufacturer.token },
    ...(operator === undefined ? {} : { operatorToken: operator.token }),
  };
}

/** --measurement-url, else the first measurement instance in the network file, else the devnet's default. */
export function measurementUrlOf(query: EndpointQuery): string {
  if (query.measurementUrl !== undefined) {
    return query.measurementUrl;
  }
  return servicesOf(query).services?.['measurement']?.[0]?.url ?? DEFAULT_MEASUREMENT_URL;
}

/**
 * Every NMI's registration instance in the network file (PTB and Inmetro on the devnet): a meter is active only
 * after two NMIs attested it, so one instance is not enough and a default URL would not do.
 */
export function registrationInstancesOf(query: EndpointQuery): readonly ServiceInstance[] {
  const { file, services } = servicesOf(query);
  const instances = services?.['registration'] ?? [];
  const distinct = new Set(instances.map((instance) => instance.mspId));
  if (distinct.size < 2) {
    throw toolError(
      ToolErrorCode.ENDPOINT_UNKNOWN,
      `${file} lists registration services of ${String(distinct.size)} NMI(s); the fleet needs two (start the devnet with --services, or give --network-file)`,
      { details: { file, nmis: [...distinct] } },
    );
  }
  return instances;
}
