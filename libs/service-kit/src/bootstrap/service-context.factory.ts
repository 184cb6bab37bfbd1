import { type Environment, readNetworkProfile } from '@metrochain/config';
import type { ServiceName } from '@metrochain/contracts';
import { selectLedgerEndpoint } from '@metrochain/ledger';
import type { PlatformConfig } from '../config/platform-config';
import type { ServiceContext } from '../service-context';

export interface ServiceContextOptions<Config extends PlatformConfig> {
  serviceName: ServiceName;
  loadConfig: (env: Environment) => Config;
  env?: Environment;
}

/**
 * Validates the environment, reads the network profile and checks that it holds this service's identity in its
 * organisation, all before Nest starts, so that a bad setting ends start-up with one coded error
 * (CONFIG_INVALID, NETWORK_PROFILE_MISSING, NETWORK_PROFILE_INVALID).
 */
export function createServiceContext<Config extends PlatformConfig>(
  options: Readonly<ServiceContextOptions<Config>>,
): ServiceContext<Config> {
  const config = options.loadConfig(options.env ?? process.env);
  const profile = readNetworkProfile(config.networkFile);
  const identity = options.serviceName;
  selectLedgerEndpoint({ profile, org: config.org, identity });
  return { serviceName: options.serviceName, identity, config, profile };
}
