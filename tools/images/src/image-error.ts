import { codedError, type ToolErrorOptions } from '@metrochain/tool-kit';
import type { DomainError } from '@metrochain/errors';

/** Why an image could not be assembled, committed or run. */
export const ImageErrorCode = {
  /** images/<name>/image.json or images/debian-packages.json does not match its schema, or names an unknown image. */
  RECIPE_INVALID: 'RECIPE_INVALID',
  /** Something the recipe takes from the workspace or a cache is missing: run the build or `devnet install`. */
  INPUT_MISSING: 'INPUT_MISSING',
  /** Two contents of one layer write the same path differently, or the dependency tree cannot be mirrored. */
  LAYER_CONFLICT: 'LAYER_CONFLICT',
  /** apt could not download a pinned Debian package (the archive no longer offers that version?). */
  DEB_UNAVAILABLE: 'DEB_UNAVAILABLE',
  /** buildah is not installed or not usable here. */
  BUILDAH_UNAVAILABLE: 'BUILDAH_UNAVAILABLE',
  /** A command the builder runs exited with a failure. */
  COMMAND_FAILED: 'COMMAND_FAILED',
} as const;
export type ImageErrorCode = (typeof ImageErrorCode)[keyof typeof ImageErrorCode];

export function imageError(
  code: ImageErrorCode,
  message: string,
  options: ToolErrorOptions = {},
): DomainError<ImageErrorCode> {
  return codedError(code, message, options);
}
