import type { NetworkProfile } from '@metrochain/config';
import type { ServiceName } from '@metrochain/contracts';
import type { PlatformConfig } from './config/platform-config';

/** What a service knows once start-up has validated its environment and read the network profile. */
export interface ServiceContext<Config extends PlatformConfig> {
  serviceName: ServiceName;
  /** The Fabric identity the service writes with; by convention named like the service (see SERVICE_ROLES). */
  identity: ServiceName;
  config: Config;
  profile: NetworkProfile;
}

/** The MSP id of the organisation the service acts for, as named in the network profile. */
export function mspIdOf(context: Pick<ServiceContext<PlatformConfig>, 'config' | 'profile'>): string {
  const organization = context.profile.organizations[context.config.org];
  if (organization === undefined) {
    throw new Error(`organization ${context.config.org} is not in the network profile`);
  }
  return organization.mspId;
}
