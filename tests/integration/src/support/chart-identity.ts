import { chownSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type CryptoMaterial, REPO_ROOT, type Topology } from '@metrochain/devnet';

const IMAGE_UID = 65532;

/** The files of a node's identity as the charts' Secrets project them (charts/*\/README.md, "Identities"). */
const LAYOUT = [
  ['msp/signcerts', 'msp/signcerts/cert.pem'],
  ['msp/keystore', 'msp/keystore/key.pem'],
  ['msp/cacerts', 'msp/cacerts/ca.pem'],
  ['msp/tlscacerts', 'msp/tlscacerts/ca.pem'],
  ['tls/server.crt', 'tls/server.crt'],
  ['tls/server.key', 'tls/server.key'],
  ['tls/ca.crt', 'tls/ca.crt'],
] as const;

function firstFile(source: string): string {
  if (!source.endsWith('.crt') && !source.endsWith('.key')) {
    const [file] = readdirSync(source).sort();
    if (file === undefined) throw new Error(`no file in ${source}`);
    return path.join(source, file);
  }
  return source;
}

/**
 * A node's devnet (cryptogen) material laid out as the kubelet projects its Secret into the identity init container:
 * `<root>/<folder>/msp/signcerts/cert.pem`, …, owned by the image user. Returns the root.
 */
export function projectIdentity(nodeDir: string, folder: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'metrochain-identity-sources-'));
  for (const [from, to] of LAYOUT) {
    const target = path.join(root, folder, to);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(firstFile(path.join(nodeDir, from)), target);
  }
  for (const entry of [
    root,
    ...readdirSync(root, { recursive: true }).map((p) => path.join(root, String(p))),
  ]) {
    chownSync(entry, IMAGE_UID, IMAGE_UID);
  }
  return root;
}

/** The identity init script both charts carry (a link to charts/shared/node-identity.sh). */
export const NODE_IDENTITY_SCRIPT = 'node-identity.sh';

/**
 * The folder holding the file a chart's identity script resolves to: Helm puts the linked file's contents into the
 * chart, so that is what a pod runs, and a folder bound into an image root cannot follow a link out of itself.
 */
function scriptFolder(...chartPath: string[]): string {
  return path.dirname(realpathSync(path.join(REPO_ROOT, 'charts', ...chartPath, NODE_IDENTITY_SCRIPT)));
}

/** The folders of the charts' identity scripts the init containers run. */
export const CHART_SCRIPTS = {
  nmi: scriptFolder('metrochain-nmi', 'files', 'scripts'),
  orderers: scriptFolder('metrochain-orderers', 'files'),
};

/** One identity init container per Fabric image, with the env its chart renders (the charts' templates). */
export interface IdentityCase {
  image: string;
  /** The ordinal's folder in the projected volume. */
  folder: string;
  nodeDir: string;
  scripts: string;
  env: Record<string, string>;
  pod: string;
  runsAs: string;
}

function firstOf<T>(items: readonly T[], what: string): T {
  const [item] = items;
  if (item === undefined) throw new Error(`no ${what}`);
  return item;
}

/** A peer of the first NMI (ordinal 1) and the first orderer (ordinal 0), from the running network's material. */
export function identityCases(topology: Topology, material: CryptoMaterial): IdentityCase[] {
  const org = firstOf(topology.orgs, 'organisation');
  const orderer = firstOf(topology.orderers, 'orderer');
  return [
    {
      image: 'peer',
      folder: 'peer-1',
      nodeDir: material.peerDir(org, firstOf(org.peers, 'peer')),
      scripts: CHART_SCRIPTS.nmi,
      env: {
        NODE_KIND: 'peer',
        NODE_FIRST_NUMBER: '0',
        NODE_DOMAIN: org.domain,
        NODE_README_SECTION: 'Scaling endorsers',
        NODE_SECRET_PREFIX: 'ptb-peer',
      },
      pod: 'ptb-metrochain-nmi-peer-1',
      runsAs: `peer1.${org.domain}`,
    },
    {
      image: 'orderer',
      folder: 'orderer-0',
      nodeDir: material.ordererDir(orderer),
      scripts: CHART_SCRIPTS.orderers,
      env: {
        NODE_KIND: 'orderer',
        NODE_FIRST_NUMBER: '1',
        NODE_README_SECTION: 'Identities',
        NODE_SECRET_PREFIX: 'metrochain-orderer',
      },
      pod: 'orderers-metrochain-orderers-0',
      runsAs: 'orderer1',
    },
  ];
}
