import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { commandOutput } from '@metrochain/tool-kit/workspace';
import { cachePaths } from '../paths';
import { K8S_VERSIONS } from '../versions';
import type { InstallPart } from './part';

const PACKAGE = 'kubernetes-validate';
const WHEEL = `kubernetes_validate-${K8S_VERSIONS.kubernetesValidate}-py3-none-any.whl`;
const FOLDER = path.basename(cachePaths.kubernetesSchemas);
const MEMBER_PREFIX = `kubernetes_validate/kubernetes-json-schema/${FOLDER}/`;

// Python's zipfile, because pip is already the one client this part needs (no unzip on a bare machine).
const EXTRACT = `
import sys, zipfile, os
wheel, prefix, out = sys.argv[1:4]
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        if name.startswith(prefix) and not name.endswith('/'):
            target = os.path.join(out, name[len(prefix):])
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, 'wb') as f:
                f.write(z.read(name))
`;

/**
 * The wheel's schemas point at `/api/_definitions.json` (the path its own server uses); kubeconform reads them from
 * disk, so each reference becomes an absolute file URL of the folder's _definitions.json.
 */
export function rewriteDefinitionRefs(schema: string, folder: string): string {
  const definitions = pathToFileURL(path.join(folder, '_definitions.json')).href;
  return schema.replaceAll('"/api/_definitions.json', `"${definitions}`);
}

async function install(): Promise<void> {
  mkdirSync(cachePaths.wheels, { recursive: true });
  const wheel = path.join(cachePaths.wheels, WHEEL);
  if (!existsSync(wheel)) {
    await commandOutput('python3', [
      '-m',
      'pip',
      'download',
      '--quiet',
      '--disable-pip-version-check',
      '--no-deps',
      `${PACKAGE}==${K8S_VERSIONS.kubernetesValidate}`,
      '-d',
      cachePaths.wheels,
    ]);
  }
  const target = cachePaths.kubernetesSchemas;
  const staging = `${target}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  await commandOutput('python3', ['-c', EXTRACT, wheel, MEMBER_PREFIX, staging]);
  const files = readdirSync(staging).filter((file) => file.endsWith('.json'));
  if (!files.includes('_definitions.json')) {
    throw new Error(`${WHEEL} has no ${MEMBER_PREFIX}_definitions.json`);
  }
  for (const file of files) {
    const text = readFileSync(path.join(staging, file), 'utf8');
    writeFileSync(path.join(staging, file), rewriteDefinitionRefs(text, target));
  }
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
}

/** Kubernetes' built-in schemas (strict: unknown fields are errors) from the kubernetes-validate wheel. */
export function kubernetesSchemasPart(): InstallPart {
  return {
    name: 'kubernetes-schemas',
    version: `${K8S_VERSIONS.kubernetesValidate}/${FOLDER}`,
    outputs: [path.join(cachePaths.kubernetesSchemas, '_definitions.json')],
    action: `pip download ${PACKAGE}==${K8S_VERSIONS.kubernetesValidate}, unpack ${FOLDER}`,
    install,
  };
}
