import { installParts } from '../install/install';
import { isInstalled } from '../install/part';

/** Why validation cannot run here, or undefined when every tool and schema is installed. */
export function toolsUnavailable(): string | undefined {
  const missing = installParts()
    .filter((part) => !isInstalled(part))
    .map((part) => `${part.name} ${part.version}`);
  return missing.length === 0
    ? undefined
    : `not installed: ${missing.join(', ')}: run npm run k8s -- install`;
}

/** CI must validate: there a missing tool fails the run instead of skipping. */
export function inCi(): boolean {
  const ci = process.env['CI'];
  return ci !== undefined && ci !== '' && ci !== 'false';
}
