import { existsSync } from 'node:fs';
import { detail, step } from '../log';
import { installedVersion, recordInstalled } from './installed-record';

/** One thing `install` puts in the cache: skipped when its outputs exist at the recorded, pinned version. */
export interface InstallPart {
  readonly name: string;
  readonly version: string;
  /** Files or folders that must exist for the part to count as installed. */
  readonly outputs: readonly string[];
  /** What the step line says it does (e.g. the command). */
  readonly action: string;
  install(): Promise<void>;
}

export function isInstalled(part: InstallPart): boolean {
  return installedVersion(part.name) === part.version && part.outputs.every((output) => existsSync(output));
}

export async function installPart(part: InstallPart): Promise<void> {
  if (isInstalled(part)) {
    detail(`${part.name} ${part.version}: cached`);
    return;
  }
  const started = Date.now();
  step(`${part.name} ${part.version}: ${part.action}`);
  await part.install();
  recordInstalled(part.name, part.version);
  detail(`${part.name} ${part.version}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
