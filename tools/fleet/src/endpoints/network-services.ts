import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { FleetErrorCode, fleetError } from '../fleet-error';

/** One running service process as the devnet lists it in the connection file. */
export interface ServiceInstance {
  org: string;
  mspId: string;
  /** Base URL without a trailing slash. */
  url: string;
}

/**
 * The `services` section the devnet writes into the connection file (devnet/src/network/connection-file.ts); the
 * network profile schema of libs/config leaves it out, and the other sections are not the fleet's concern.
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

export type NetworkServices = Readonly<Record<string, readonly ServiceInstance[]>>;

/** The services listed in the connection file; undefined when the file does not exist. */
export function readNetworkServices(file: string): NetworkServices | undefined {
  if (!existsSync(file)) {
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw fleetError(FleetErrorCode.NETWORK_FILE_INVALID, `${file} is not readable JSON`, { cause });
  }
  const parsed = servicesSectionSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw fleetError(
      FleetErrorCode.NETWORK_FILE_INVALID,
      `${file}: the services section is malformed: ${issues.join('; ')}`,
    );
  }
  return Object.fromEntries(
    Object.entries(parsed.data.services ?? {}).map(([service, instances]) => [
      service,
      instances.map(({ org, mspId, url }) => ({ org, mspId, url: url.replace(/\/+$/, '') })),
    ]),
  );
}
