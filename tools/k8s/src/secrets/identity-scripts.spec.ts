import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { renderRelease, type Release } from '../consistency/install';
import { type Container, type KubeObject, podTemplateOf } from '../consistency/kube-types';
import { volumeReferences } from '../consistency/volume-references';
import { repoPaths } from '../paths';
import { inCi, toolsUnavailable } from '../validate/tools';
import { writeFakeCrypto } from './fake-crypto';
import type { SecretManifest } from './manifests';
import { parseSecretsOptions } from './options';
import { buildSecrets } from './secrets';

// The Secrets `secrets` writes for five peers and five orderers, laid out as the kubelet projects them into the
// identity init containers (the projected volume of the rendered StatefulSet), fed to the charts' own init scripts.
const unavailable = toolsUnavailable();
const dir = mkdtempSync(path.join(os.tmpdir(), 'k8s-identity-scripts-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});
const MOUNTED_SCRIPTS = '/opt/metrochain/scripts';
const NMI_SCRIPTS = path.join(repoPaths.charts, 'metrochain-nmi', 'files', 'scripts');
const crypto = writeFakeCrypto(dir, { nmis: [{ name: 'PTB', peers: 5 }], orderers: 5, networkJson: false });

interface InitContainer {
  readonly container: Container;
  readonly statefulset: string;
  readonly sources: ReturnType<typeof volumeReferences>;
}

async function identityInit(release: Release): Promise<InitContainer> {
  const objects = await renderRelease(release);
  const statefulset = objects.find((object: KubeObject) => object.kind === 'StatefulSet');
  const template = statefulset === undefined ? undefined : podTemplateOf(statefulset);
  const container = template?.spec.initContainers?.find((candidate) => candidate.name === 'identity');
  assert.ok(statefulset && template && container, `no identity init container in ${release.chart}`);
  const sources = volumeReferences({
    ...template.spec,
    volumes: template.spec.volumes?.filter((v) => v.name === 'identity-sources'),
  });
  assert.ok(sources.length > 0);
  return { container, statefulset: statefulset.metadata.name, sources };
}

/** What the kubelet writes for a projected volume: each item of each existing Secret; a missing optional one is skipped. */
function project(init: InitContainer, secrets: readonly SecretManifest[], target: string): void {
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

/** Runs the init container's command with its rendered environment, volumes pointed at folders of the test. */
function runInit(
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
      POD_NAME: `${init.statefulset}-${String(ordinal)}`,
      ...env,
    },
    encoding: 'utf8',
  });
}

const secretsFor = (...args: string[]): SecretManifest[] =>
  buildSecrets(parseSecretsOptions(['--crypto', crypto, '--nmi', 'PTB', ...args]));
const decoded = (secrets: readonly SecretManifest[], name: string, key: string): Buffer =>
  Buffer.from(secrets.find((secret) => secret.metadata.name === name)?.data[key] ?? '', 'base64');

describe(
  "the charts' identity init scripts accept what secrets writes",
  { skip: !inCi() && unavailable !== undefined && unavailable },
  () => {
    let peers: InitContainer;
    let orderers: InitContainer;
    before(async () => {
      assert.equal(unavailable, undefined, unavailable);
      peers = await identityInit({
        chart: 'metrochain-nmi',
        release: 'ptb',
        namespace: 'ptb',
        set: { 'peer.replicas': 5 },
      });
      orderers = await identityInit({
        chart: 'metrochain-orderers',
        release: 'orderers',
        namespace: 'metrochain-orderers',
        set: { 'orderer.replicas': 5 },
      });
    });

    test('peer.replicas=5: every peer ordinal assembles its own identity; a missing Secret fails its ordinal', () => {
      const secrets = secretsFor('--peers', '5');
      const sources = path.join(dir, 'peer-sources');
      project(peers, secrets, sources);
      for (let ordinal = 0; ordinal < 5; ordinal += 1) {
        const identity = path.join(dir, `peer-identity-${String(ordinal)}`);
        const result = runInit(peers, ordinal, {
          SCRIPTS_DIR: NMI_SCRIPTS,
          IDENTITY_SOURCES: sources,
          IDENTITY_DIR: identity,
        });
        assert.equal(result.status, 0, `ordinal ${String(ordinal)}: ${String(result.stderr)}`);
        assert.deepEqual(
          readFileSync(path.join(identity, 'msp/signcerts/cert.pem')),
          decoded(secrets, `ptb-peer-${String(ordinal)}`, 'signcert.pem'),
        );
        assert.deepEqual(
          readFileSync(path.join(identity, 'tls/server.key')),
          decoded(secrets, `ptb-peer-${String(ordinal)}`, 'tls.key'),
        );
        assert.match(
          readFileSync(path.join(identity, 'msp/config.yaml'), 'utf8'),
          /Certificate: cacerts\/ca\.pem/,
        );
      }
      const four = path.join(dir, 'peer-sources-4');
      project(peers, secretsFor('--peers', '4'), four);
      const result = runInit(peers, 4, {
        SCRIPTS_DIR: NMI_SCRIPTS,
        IDENTITY_SOURCES: four,
        IDENTITY_DIR: path.join(dir, 'peer-identity-missing'),
      });
      assert.notEqual(result.status, 0);
      assert.match(
        String(result.stderr),
        /peer4\.ptb\.metrochain\.local has no identity: Secret ptb-peer-4 is missing/,
      );
    });

    test('orderer.replicas=5: every ordinal n runs as orderer<n+1>; a missing Secret fails its ordinal', () => {
      const secrets = secretsFor('--orderers', '5');
      const sources = path.join(dir, 'orderer-sources');
      project(orderers, secrets, sources);
      for (let ordinal = 0; ordinal < 5; ordinal += 1) {
        const identity = path.join(dir, `orderer-identity-${String(ordinal)}`);
        const result = runInit(orderers, ordinal, { IDENTITY_SOURCES: sources, IDENTITY_DIR: identity });
        assert.equal(result.status, 0, `ordinal ${String(ordinal)}: ${String(result.stderr)}`);
        assert.match(
          String(result.stdout),
          new RegExp(
            `runs as orderer${String(ordinal + 1)} \\(from Secret metrochain-orderer-${String(ordinal)}\\)`,
          ),
        );
        assert.deepEqual(
          readFileSync(path.join(identity, 'tls/server.crt')),
          decoded(secrets, `metrochain-orderer-${String(ordinal)}`, 'tls.crt'),
        );
        assert.match(
          readFileSync(path.join(identity, 'msp/config.yaml'), 'utf8'),
          /OrdererOUIdentifier:\n {4}Certificate: cacerts\/ca\.pem/,
        );
      }
      const four = path.join(dir, 'orderer-sources-4');
      project(orderers, secretsFor('--orderers', '4'), four);
      const result = runInit(orderers, 4, {
        IDENTITY_SOURCES: four,
        IDENTITY_DIR: path.join(dir, 'orderer-identity-missing'),
      });
      assert.notEqual(result.status, 0);
      assert.match(String(result.stderr), /is orderer5 but Secret metrochain-orderer-4 is missing/);
    });
  },
);
