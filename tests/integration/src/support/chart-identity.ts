import { chownSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '@metrochain/devnet';

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
