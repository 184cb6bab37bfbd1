import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { inCi, toolsUnavailable } from '../validate/tools';
import { writeFakeCrypto } from './fake-crypto';
import { type InitContainer, identityInit, project, runInit } from './identity-init';
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
const crypto = writeFakeCrypto(dir, { nmis: [{ name: 'PTB', peers: 5 }], orderers: 5, networkJson: false });

const secretsFor = (...args: string[]): SecretManifest[] =>
  buildSecrets(parseSecretsOptions(['--crypto', crypto, '--nmi', 'PTB', ...args]));
const decoded = (secrets: readonly SecretManifest[], name: string, key: string): Buffer =>
  Buffer.from(secrets.find((secret) => secret.metadata.name === name)?.data[key] ?? '', 'base64');
const read = (identity: string, file: string): Buffer => readFileSync(path.join(identity, file));

interface Assembled {
  readonly identity: string;
  readonly stdout: string;
}

/**
 * Runs the init container of every ordinal below `count` on the projected `secrets`, twice each: a restarted pod
 * sandbox runs it again over the read-only copies it left.
 */
function assembleEvery(init: InitContainer, secrets: readonly SecretManifest[], count: number): Assembled[] {
  const sources = mkdtempSync(path.join(dir, 'sources-'));
  project(init, secrets, sources);
  return Array.from({ length: count }, (_, ordinal) => {
    const identity = path.join(sources, `identity-${String(ordinal)}`);
    let stdout = '';
    for (const run of ['first', 'second']) {
      const result = runInit(init, ordinal, { IDENTITY_SOURCES: sources, IDENTITY_DIR: identity });
      assert.equal(result.status, 0, `ordinal ${String(ordinal)}, ${run} run: ${String(result.stderr)}`);
      stdout = String(result.stdout);
    }
    return { identity, stdout };
  });
}

/** The init container's error output for `ordinal` when only the Secrets below it exist. */
function missingOrdinal(init: InitContainer, secrets: readonly SecretManifest[], ordinal: number): string {
  const sources = mkdtempSync(path.join(dir, 'sources-'));
  project(init, secrets, sources);
  const result = runInit(init, ordinal, {
    IDENTITY_SOURCES: sources,
    IDENTITY_DIR: path.join(sources, 'identity'),
  });
  assert.notEqual(result.status, 0);
  return String(result.stderr);
}

/** Stands in for `fabric-ca-client enroll`: one file per MSP folder, named as Fabric CA names them, saying what was asked. */
const FAKE_FABRIC_CA_CLIENT = `#!/bin/sh
set -eu
while [ $# -gt 0 ]; do
  case $1 in
    -M) msp=$2 ;;
    --caname) ca=$2 ;;
    --csr.cn) cn=$2 ;;
    --csr.hosts) hosts=$2 ;;
  esac
  shift
done
mkdir -p "$msp/signcerts" "$msp/keystore" "$msp/cacerts" "$msp/tlscacerts"
echo "$ca $cn $hosts" >"$msp/signcerts/cert.pem"
echo "$ca key" >"$msp/keystore/4f2c_sk"
echo "$ca root" >"$msp/cacerts/$ca.pem"
echo "$ca root" >"$msp/tlscacerts/$ca.pem"
`;

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
      for (const [ordinal, { identity, stdout }] of assembleEvery(peers, secrets, 5).entries()) {
        const secret = `ptb-peer-${String(ordinal)}`;
        assert.match(
          stdout,
          new RegExp(`runs as peer${String(ordinal)}\\.ptb\\.metrochain\\.local \\(from Secret ${secret}\\)`),
        );
        assert.deepEqual(read(identity, 'msp/signcerts/cert.pem'), decoded(secrets, secret, 'signcert.pem'));
        assert.deepEqual(read(identity, 'tls/server.key'), decoded(secrets, secret, 'tls.key'));
        assert.match(read(identity, 'msp/config.yaml').toString(), /Certificate: cacerts\/ca\.pem/);
      }
      assert.match(
        missingOrdinal(peers, secretsFor('--peers', '4'), 4),
        /pod ptb-metrochain-nmi-peer-4 is peer4\.ptb\.metrochain\.local but Secret ptb-peer-4 is missing .*'Scaling endorsers'/,
      );
    });

    test('orderer.replicas=5: every ordinal n runs as orderer<n+1>; a missing Secret fails its ordinal', () => {
      const secrets = secretsFor('--orderers', '5');
      for (const [ordinal, { identity, stdout }] of assembleEvery(orderers, secrets, 5).entries()) {
        const secret = `metrochain-orderer-${String(ordinal)}`;
        assert.match(stdout, new RegExp(`runs as orderer${String(ordinal + 1)} \\(from Secret ${secret}\\)`));
        assert.deepEqual(read(identity, 'tls/server.crt'), decoded(secrets, secret, 'tls.crt'));
        assert.match(
          read(identity, 'msp/config.yaml').toString(),
          /OrdererOUIdentifier:\n {4}Certificate: cacerts\/ca\.pem/,
        );
      }
      assert.match(
        missingOrdinal(orderers, secretsFor('--orderers', '4'), 4),
        /is orderer5 but Secret metrochain-orderer-4 is missing .*'Identities'/,
      );
    });

    test('peer.identity.source=fabric-ca: enrols peer<n> twice and lays out the same identity', async () => {
      const fromCa = await identityInit(
        {
          chart: 'metrochain-nmi',
          release: 'ptb',
          namespace: 'ptb',
          set: {
            'peer.replicas': 3,
            'peer.identity.source': 'fabric-ca',
            'peer.identity.fabricCa.url': 'https://ca.ptb.svc.cluster.local:7054',
            'peer.identity.fabricCa.tlsCertSecret': 'ptb-ca-tls',
          },
        },
        'enrollment-sources',
      );
      const root = mkdtempSync(path.join(dir, 'fabric-ca-'));
      mkdirSync(path.join(root, 'bin'));
      writeFileSync(path.join(root, 'bin', 'fabric-ca-client'), FAKE_FABRIC_CA_CLIENT);
      chmodSync(path.join(root, 'bin', 'fabric-ca-client'), 0o755);
      const enrolment = (ordinal: number): SecretManifest[] => [
        {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: {
            name: `ptb-peer-enrollment-${String(ordinal)}`,
            namespace: 'ptb',
            labels: {},
            annotations: {},
          },
          data: { enrollmentSecret: Buffer.from('s3cret').toString('base64') },
        },
      ];
      project(fromCa, enrolment(2), path.join(root, 'sources'));
      const env = (ordinal: number): Record<string, string> => ({
        PATH: `${path.join(root, 'bin')}:${process.env['PATH'] ?? ''}`,
        ENROLLMENT_SOURCES: path.join(root, 'sources'),
        WORK_DIR: path.join(root, `work-${String(ordinal)}`),
        IDENTITY_DIR: path.join(root, `identity-${String(ordinal)}`),
      });
      const result = runInit(fromCa, 2, env(2));
      assert.equal(result.status, 0, String(result.stderr));
      assert.match(String(result.stdout), /runs as peer2\.ptb\.metrochain\.local \(from Fabric CA https:/);
      const identity = env(2).IDENTITY_DIR ?? '';
      assert.match(
        read(identity, 'msp/signcerts/cert.pem').toString(),
        /^ca peer2\.ptb\.metrochain\.local peer2\.ptb\.metrochain\.local,ptb-metrochain-nmi-peer-2\.ptb-metrochain-nmi-peer-headless\./,
      );
      assert.equal(read(identity, 'tls/server.key').toString(), 'tlsca key\n');
      assert.equal(read(identity, 'msp/tlscacerts/ca.pem').toString(), 'tlsca root\n');
      assert.match(read(identity, 'msp/config.yaml').toString(), /PeerOUIdentifier:/);
      const missing = runInit(fromCa, 1, env(1));
      assert.notEqual(missing.status, 0);
      assert.match(
        String(missing.stderr),
        /peer1\.ptb\.metrochain\.local cannot enrol: Secret ptb-peer-enrollment-1 lacks/,
      );
    });
  },
);
