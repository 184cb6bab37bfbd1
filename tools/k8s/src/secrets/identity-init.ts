import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderRelease, type Release } from '../consistency/install';
import { type Container, type KubeObject, podTemplateOf } from '../consistency/kube-types';
import { type VolumeReference, volumeReferences } from '../consistency/volume-references';
import { repoPaths } from '../paths';
import type { SecretManifest } from './manifests';

/**
 * For specs: a chart's identity init container as rendered, run on this machine the way the kubelet would run it,
 * its projected Secrets written into a folder of the test.
 */
export interface InitContainer {
  readonly container: Container;
  readonly statefulset: string;
  /** The Secrets of the projected volume `volume` (identity-sources, or enrollment-sources with Fabric CA). */
  readonly sources: readonly VolumeReference[];
}

const MOUNTED_SCRIPTS = '/opt/metrochain/scripts';
export const NMI_SCRIPTS = path.join(repoPaths.charts, 'metrochain-nmi', 'files', 'scripts');

export async function identityInit(release: Release, volume = 'identity-sources'): Promise<InitContainer> {
  const objects = await renderRelease(release);
  const statefulset = objects.find((object: KubeObject) => object.kind === 'StatefulSet');
  const template = statefulset === undefined ? undefined : podTemplateOf(statefulset);
  const container = template?.spec.initContainers?.find((candidate) => candidate.name === 'identity');
  assert.ok(statefulset && template && container, `no identity init container in ${release.chart}`);
  const sources = volumeReferences({
    ...template.spec,
    volumes: template.spec.volumes?.filter((v) => v.name === volume),
  });
  assert.ok(sources.length > 0, `no Secrets in volume ${volume}`);
  return { container, statefulset: statefulset.metadata.name, sources };
}

/** What the kubelet writes for a projected volume: each item of each existing Secret; a missing optional one is skipped. */
export function project(init: InitContainer, secrets: readonly SecretManifest[], target: string): void {
  for (const source of init.sources) {
    const secret = secrets.find(
      (candidate) => candidate.kind === 'Secret' && candidate.metadata.name === source.name,
    );
    assert.ok(secret !== undefined || source.optional, `required Secret ${source.name} missing`);
    for (const item of source.items) {
      const value = secret?.data[item.key];
      if (value !== undefined) {
        const file = path.join(target, item.path);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, Buffer.from(value, 'base64'));
      }
    }
  }
}

/**
 * Runs the init container's command as pod `<statefulset>-<ordinal>` with its rendered environment and `env` on top
 * (the volumes' paths pointed at folders of the test).
 */
export function runInit(
  init: InitContainer,
  ordinal: number,
  env: Record<string, string>,
): ReturnType<typeof spawnSync> {
  const rendered = Object.fromEntries(
    (init.container.env ?? []).filter((v) => v.value !== undefined).map((v) => [v.name, v.value ?? '']),
  );
  // The NMI chart mounts its scripts at /opt/metrochain/scripts; the orderers chart passes its script inline.
  const [command, ...args] = [...(init.container.command ?? []), ...(init.container.args ?? [])].map((arg) =>
    arg.replace(MOUNTED_SCRIPTS, NMI_SCRIPTS),
  );
  assert.ok(command !== undefined);
  return spawnSync(command, args, {
    env: {
      PATH: process.env['PATH'],
      ...rendered,
      SCRIPTS_DIR: NMI_SCRIPTS,
      POD_NAME: `${init.statefulset}-${String(ordinal)}`,
      ...env,
    },
    encoding: 'utf8',
  });
}
