import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ImageErrorCode, imageError } from '../image-error';
import { DEBIAN_PINS_FILE } from '../paths';

const pinsSchema = z
  .object({
    comment: z.string().optional(),
    suite: z.string().min(1),
    architecture: z.string().min(1),
    packages: z.record(z.string().regex(/^[a-z0-9][a-z0-9+.-]+$/), z.string().min(1)),
    buildTools: z.object({ buildah: z.string().min(1) }).strict(),
  })
  .strict();
export type DebianPins = z.infer<typeof pinsSchema>;

/** images/debian-packages.json: the one place that says which version of each Debian package the images hold. */
export function readDebianPins(file: string = DEBIAN_PINS_FILE): DebianPins {
  const parsed = pinsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw imageError(
      ImageErrorCode.RECIPE_INVALID,
      `${file}: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
    );
  }
  return parsed.data;
}

export function pinnedVersion(pins: DebianPins, name: string): string {
  const version = pins.packages[name];
  if (version === undefined) {
    throw imageError(
      ImageErrorCode.RECIPE_INVALID,
      `Debian package ${name} has no pinned version in images/debian-packages.json`,
    );
  }
  return version;
}
