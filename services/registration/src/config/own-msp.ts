import type { PlatformConfig, ServiceContext } from '@metrochain/service-kit';

/** The MSP id of the organisation this instance runs for, as named in the network profile. */
export function ownMspId(context: Pick<ServiceContext<PlatformConfig>, 'config' | 'profile'>): string {
  const organization = context.profile.organizations[context.config.org];
  if (organization === undefined) {
    throw new Error(`organization ${context.config.org} is not in the network profile`);
  }
  return organization.mspId;
}
