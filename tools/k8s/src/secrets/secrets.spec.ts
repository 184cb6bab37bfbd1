import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { kubeconform } from '../validate/kubeconform';
import { inCi, toolsUnavailable } from '../validate/tools';
import { fakeFileContent, writeDocumentedInstallCrypto, writeFakeCrypto } from './fake-crypto';
import { renderManifests, type SecretManifest } from './manifests';
import { parseSecretsOptions, UsageError } from './options';
import { MissingMaterialError } from './read-material';
import { buildSecrets, secrets } from './secrets';

const dir = mkdtempSync(path.join(os.tmpdir(), 'k8s-secrets-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});
const { crypto, block } = writeDocumentedInstallCrypto(dir);

const build = (...args: string[]): SecretManifest[] =>
  buildSecrets(parseSecretsOptions(['--crypto', crypto, ...args]));
const names = (manifests: SecretManifest[], namespace: string): string[] =>
  manifests.filter((m) => m.metadata.namespace === namespace).map((m) => `${m.kind}/${m.metadata.name}`);
const find = (manifests: SecretManifest[], namespace: string, name: string): SecretManifest => {
  const found = manifests.find((m) => m.metadata.namespace === namespace && m.metadata.name === name);
  assert.ok(found, `${namespace}/${name} missing`);
  return found;
};
const decoded = (manifest: SecretManifest, key: string): string =>
  Buffer.from(manifest.data[key] ?? '', 'base64').toString('utf8');
const nmiObjects = (prefix: string, peers: number): string[] => [
  ...Array.from({ length: peers }, (_, n) => `Secret/${prefix}-peer-${String(n)}`),
  `Secret/${prefix}-admin`,
  `Secret/${prefix}-ccserver-tls`,
  ...['registration', 'verification', 'measurement', 'billing', 'audit'].map(
    (s) => `Secret/${prefix}-${s}-identity`,
  ),
  `Secret/${prefix}-orderer-tls-ca`,
  `Secret/${prefix}-channel-block`,
  'ConfigMap/metrochain-tls-roots',
];

describe('npm run k8s -- secrets', () => {
  test('names every object as the charts expect, in the namespaces of the install docs', () => {
    const manifests = build('--block', block);
    assert.deepEqual(names(manifests, 'ptb'), nmiObjects('ptb', 2));
    assert.deepEqual(names(manifests, 'inmetro'), nmiObjects('inmetro', 2));
    assert.deepEqual(names(manifests, 'metrochain-orderers'), [
      'Secret/metrochain-orderer-0',
      'Secret/metrochain-orderer-1',
      'Secret/metrochain-orderer-2',
      'Secret/metrochain-orderer-admin-tls',
      'Secret/metrochain-channel-block',
    ]);
    assert.equal(manifests.length, 2 * 12 + 5);
  });

  test('gives peers and orderers the same seven keys, read from their cryptogen folders', () => {
    const manifests = build();
    const keys = ['signcert.pem', 'key.pem', 'cacert.pem', 'tlscacert.pem', 'tls.crt', 'tls.key', 'ca.crt'];
    const peer = find(manifests, 'ptb', 'ptb-peer-1');
    const orderer = find(manifests, 'metrochain-orderers', 'metrochain-orderer-2');
    assert.deepEqual(Object.keys(peer.data), keys);
    assert.deepEqual(Object.keys(orderer.data), keys);
    assert.equal(peer.type, 'Opaque');
    const peerDir = 'peerOrganizations/ptb.metrochain.local/peers/peer1.ptb.metrochain.local';
    assert.equal(
      decoded(peer, 'signcert.pem'),
      fakeFileContent(`${peerDir}/msp/signcerts/peer1.ptb.metrochain.local-cert.pem`),
    );
    assert.equal(decoded(peer, 'key.pem'), fakeFileContent(`${peerDir}/msp/keystore/priv_sk`));
    assert.equal(decoded(peer, 'tls.key'), fakeFileContent(`${peerDir}/tls/server.key`));
    // Ordinal 2 is orderer3: the identity name the channel's consenters and the network profile use.
    const ordererDir = 'ordererOrganizations/metrochain.local/orderers/orderer3.metrochain.local';
    assert.equal(decoded(orderer, 'tls.crt'), fakeFileContent(`${ordererDir}/tls/server.crt`));
    assert.match(orderer.metadata.annotations['metrochain.io/purpose'] ?? '', /orderer3\.metrochain\.local/);
  });

  test('fills the admin, TLS and service identity Secrets with the keys the charts mount', () => {
    const manifests = build('--block', block);
    const org = 'peerOrganizations/inmetro.metrochain.local';
    const admin = find(manifests, 'inmetro', 'inmetro-admin');
    assert.deepEqual(Object.keys(admin.data), ['signcert.pem', 'key.pem', 'cacert.pem', 'tlscacert.pem']);
    const ccserver = find(manifests, 'inmetro', 'inmetro-ccserver-tls');
    assert.deepEqual(Object.keys(ccserver.data), ['tls.crt', 'tls.key', 'ca.crt']);
    assert.equal(
      decoded(ccserver, 'ca.crt'),
      fakeFileContent(`${org}/tlsca/tlsca.inmetro.metrochain.local-cert.pem`),
    );
    const audit = find(manifests, 'inmetro', 'inmetro-audit-identity');
    assert.deepEqual(Object.keys(audit.data), ['cert.pem', 'key.pem', 'tlscacert.pem']);
    assert.equal(
      decoded(audit, 'key.pem'),
      fakeFileContent(`${org}/users/audit@inmetro.metrochain.local/key.pem`),
    );
    const ordererAdmin = find(manifests, 'metrochain-orderers', 'metrochain-orderer-admin-tls');
    assert.deepEqual(Object.keys(ordererAdmin.data), ['tls.crt', 'tls.key', 'ca.crt']);
    assert.equal(
      decoded(ordererAdmin, 'tls.key'),
      fakeFileContent('ordererOrganizations/metrochain.local/users/Admin@metrochain.local/tls/client.key'),
    );
    for (const [namespace, name] of [
      ['ptb', 'ptb-channel-block'],
      ['metrochain-orderers', 'metrochain-channel-block'],
    ] as const) {
      const secret = find(manifests, namespace, name);
      assert.deepEqual(Buffer.from(secret.data['nmichannel.block'] ?? '', 'base64'), readFileSync(block));
    }
    const roots = find(manifests, 'ptb', 'metrochain-tls-roots');
    assert.deepEqual(Object.keys(roots.data), ['PTB.pem', 'Inmetro.pem', 'orderers.pem']);
    assert.equal(
      roots.data['orderers.pem'],
      fakeFileContent('ordererOrganizations/metrochain.local/tlsca/tlsca.metrochain.local-cert.pem'),
    );
  });

  test('selects NMIs and ordinals: --nmi, --peers, --orderers', () => {
    writeFakeCrypto(path.join(dir, 'five'), {
      nmis: [{ name: 'PTB', peers: 5 }],
      orderers: 5,
      networkJson: false,
    });
    const manifests = buildSecrets(
      parseSecretsOptions([
        '--crypto',
        path.join(dir, 'five', 'crypto'),
        '--nmi',
        'PTB',
        '--peers',
        '4',
        '--orderers',
        '3',
      ]),
    );
    assert.deepEqual(
      names(manifests, 'ptb').filter((name) => name.includes('-peer-')),
      ['Secret/ptb-peer-0', 'Secret/ptb-peer-1', 'Secret/ptb-peer-2', 'Secret/ptb-peer-3'],
    );
    assert.equal(names(manifests, 'metrochain-orderers').filter((name) => /orderer-\d/.test(name)).length, 3);
    assert.deepEqual(names(build('--nmi', 'inmetro'), 'ptb'), []);
  });

  test('fails naming the Secret and the folder when an ordinal has no material', () => {
    assert.throws(
      () => build('--peers', '3'),
      (error: unknown) => {
        assert.ok(error instanceof MissingMaterialError);
        assert.match(
          error.message,
          /Secret ptb\/ptb-peer-2 for PTB peer 2 .*no folder peerOrganizations\/ptb\.metrochain\.local\/peers\/peer2\.ptb\.metrochain\.local/,
        );
        assert.match(error.message, /Secret inmetro\/inmetro-peer-2/);
        return true;
      },
    );
    assert.throws(
      () => build('--orderers', '4'),
      /Secret metrochain-orderers\/metrochain-orderer-3 for orderer ordinal 3 \(orderer4/,
    );
  });

  test('fails naming the key and file when one file of an identity is missing', () => {
    const broken = writeFakeCrypto(path.join(dir, 'broken'), {
      nmis: [{ name: 'PTB', peers: 2 }],
      orderers: 0,
      networkJson: false,
    });
    unlinkSync(
      path.join(
        broken,
        'peerOrganizations/ptb.metrochain.local/peers/peer1.ptb.metrochain.local/tls/server.key',
      ),
    );
    assert.throws(
      () => buildSecrets(parseSecretsOptions(['--crypto', broken, '--nmi', 'PTB'])),
      /ptb-peer-1 .*: tls\.key ← peerOrganizations\/ptb\.metrochain\.local\/peers\/peer1\.ptb\.metrochain\.local\/tls\/server\.key$/m,
    );
  });

  test('asks for --nmi when no network.json names the NMIs, and refuses bad counts', () => {
    const bare = writeFakeCrypto(path.join(dir, 'bare'), {
      nmis: [{ name: 'PTB', peers: 1 }],
      orderers: 0,
      networkJson: false,
    });
    assert.throws(() => parseSecretsOptions(['--crypto', bare]), UsageError);
    assert.throws(() => parseSecretsOptions(['--crypto', crypto, '--peers', '0']), UsageError);
    assert.throws(() => parseSecretsOptions(['--crypto', path.join(dir, 'nowhere')]), /no crypto folder/);
    assert.throws(
      () => build('--nmi', 'CMI'),
      /no peer organisation for NMI CMI .*found: inmetro\.metrochain\.local, ptb\.metrochain\.local/,
    );
  });

  test('--out writes one private file per namespace that parses back into its objects', (t) => {
    const out = path.join(dir, 'out');
    const written = t.mock.method(process.stderr, 'write', () => true);
    secrets(['--crypto', crypto, '--out', out]);
    assert.equal(written.mock.callCount(), 3);
    for (const namespace of ['ptb', 'inmetro', 'metrochain-orderers']) {
      const file = path.join(out, `${namespace}.yaml`);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      const objects = parseAllDocuments(readFileSync(file, 'utf8')).map(
        (d) => d.toJSON() as SecretManifest | null,
      );
      const present = objects.filter((o): o is SecretManifest => o !== null);
      assert.ok(present.length > 0);
      assert.ok(present.every((o) => o.metadata.namespace === namespace));
    }
  });
});

const unavailable = toolsUnavailable();
test(
  'the manifests validate against the Kubernetes schemas (kubeconform -strict)',
  { skip: !inCi() && unavailable !== undefined && unavailable },
  async () => {
    assert.equal(unavailable, undefined, unavailable);
    await kubeconform({ yaml: renderManifests(build('--block', block), ['spec']) });
  },
);
