import { z } from 'zod';
import { CliErrorCode, cliError } from '../cli-error';

/**
 * The `services` section the devnet writes into the connection file (devnet/src/network/connection-file.ts): per
 * service, every running instance with its NMI, e.g. one registration instance per NMI. Other sections are not
 * this tool's concern, so only this one is checked.
 */
const servicesSectionSchema = z.object({
  services: z
    .record(
      z.string(),
      z.array(z.object({ org: z.string().min(1), mspId: z.string().min(1), url: z.string().min(1) })),
    )
    .optional(),
});

/**
 * The URL of a service's instance in the connection file: the named NMI's (by name or MSP id, in any case), or
 * without `org` the first listed, which is the instance the devnet starts for its first NMI.
 */
export function serviceUrlInProfile(
  profile: unknown,
  service: string,
  org?: string,
): { url: string; org: string } | undefined {
  const parsed = servicesSectionSchema.safeParse(profile);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw cliError(
      CliErrorCode.NETWORK_FILE_INVALID,
      `the network file's services are malformed: ${issues.join('; ')}`,
    );
  }
  const instances = parsed.data.services?.[service] ?? [];
  const wanted = org?.toLowerCase();
  const found =
    wanted === undefined
      ? instances[0]
      : instances.find((instance) =>
          [instance.org, instance.mspId].some((name) => name.toLowerCase() === wanted),
        );
  return found === undefined ? undefined : { url: found.url, org: found.org };
}
