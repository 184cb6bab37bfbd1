import { z } from 'zod';
import { ToolErrorCode, toolError } from '../tool-error';
import type { NetworkFile } from './network-file';

/** One running service process as the devnet lists it in the connection file. */
export interface ServiceInstance {
  org: string;
  mspId: string;
  /** Base URL without a trailing slash. */
  url: string;
}

/** Per service name (registration, verification, measurement…), every running instance, one per NMI. */
export type NetworkServices = Readonly<Record<string, readonly ServiceInstance[]>>;

/**
 * The `services` section the devnet writes into the connection file (devnet/src/network/connection-file.ts); the
 * network profile schema of libs/config leaves it out, and the other sections are not the tools' concern.
 */
const servicesSectionSchema = z.object({
  services: z
    .record(
      z.string(),
      z.array(
        z.object({ org: z.string().min(1), mspId: z.string().min(1), url: z.string().url() }).passthrough(),
      ),
    )
    .optional(),
});

/** The services listed in the network file (none when it has no `services` section). */
export function networkServices(network: NetworkFile): NetworkServices {
  const parsed = servicesSectionSchema.safeParse(network.profile);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    const message = `${network.file}: the services section is malformed: ${issues.join('; ')}`;
    throw toolError(ToolErrorCode.NETWORK_FILE_INVALID, message);
  }
  return Object.fromEntries(
    Object.entries(parsed.data.services ?? {}).map(([service, instances]) => [
      service,
      instances.map(({ org, mspId, url }) => ({ org, mspId, url: url.replace(/\/+$/, '') })),
    ]),
  );
}

/**
 * A service's instance: the named NMI's (by name or MSP id, in any case), or without `org` the first listed, which
 * is the instance the devnet starts for its first NMI.
 */
export function findInstance(
  services: NetworkServices,
  service: string,
  org?: string,
): ServiceInstance | undefined {
  const instances = services[service] ?? [];
  const wanted = org?.toLowerCase();
  if (wanted === undefined) {
    return instances[0];
  }
  return instances.find((instance) =>
    [instance.org, instance.mspId].some((name) => name.toLowerCase() === wanted),
  );
}
