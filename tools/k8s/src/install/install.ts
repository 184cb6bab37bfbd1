import { step } from '../log';
import { crdSourceParts } from './crd-sources';
import { goToolParts } from './go-tools';
import { kubernetesSchemasPart } from './kubernetes-schemas';
import { type InstallPart, installPart, isInstalled } from './part';

export function installParts(): InstallPart[] {
  return [...goToolParts(), kubernetesSchemasPart(), ...crdSourceParts()];
}

/** Whether every tool and schema is in the cache at its pinned version. */
export function allInstalled(): boolean {
  return installParts().every(isInstalled);
}

/** Idempotent: every part is skipped when its pinned version is already in the cache. */
export async function install(): Promise<void> {
  const started = Date.now();
  step('Kubernetes validation tools and schemas');
  for (const part of installParts()) {
    await installPart(part);
  }
  step(`install done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
