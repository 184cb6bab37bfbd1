import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  CCAAS_ENV,
  ORDERER_NODE_KEYS,
  ORDERER_SETTINGS,
  PEER_NODE_KEYS,
  PEER_SETTINGS,
  fabricEnvName,
} from '@metrochain/deployment';
import { parseAllDocuments } from 'yaml';
import { discoverCharts } from './charts';
import { helmTemplate } from './helm';
import { inCi, toolsUnavailable } from './tools';

// One source of configuration: the charts set per pod exactly the Fabric keys the local network sets per node
// (PEER_NODE_KEYS, ORDERER_NODE_KEYS, which type the devnet's config writers), and never a shared setting, which
// the images bake from the same PEER_SETTINGS / ORDERER_SETTINGS the local network runs.

interface Container {
  name: string;
  env?: { name: string }[];
}

async function containerEnv(chart: string, kind: string, container: string): Promise<string[]> {
  const target = discoverCharts().find((candidate) => candidate.name === chart);
  const profile = target?.profiles.find((candidate) => candidate.name === 'default');
  assert.ok(target !== undefined && profile !== undefined, `chart ${chart} with its default values`);
  const objects = parseAllDocuments(await helmTemplate(target, profile)).map(
    (document) =>
      document.toJS() as { kind?: string; spec?: { template?: { spec?: { containers?: Container[] } } } },
  );
  const found = objects
    .filter((object) => object.kind === kind)
    .flatMap((object) => object.spec?.template?.spec?.containers ?? [])
    .find((candidate) => candidate.name === container);
  assert.ok(found !== undefined, `${chart}: ${kind} with a container ${container}`);
  return (found.env ?? []).map((variable) => variable.name);
}

/** Variables the peer's entry script exports (the three that depend on the ordinal). */
function scriptExports(chartRelativeScript: string, prefix: string): string[] {
  const script = readFileSync(path.join(discoverChartDir('metrochain-nmi'), chartRelativeScript), 'utf8');
  return [...script.matchAll(new RegExp(`^\\s*(?:export )?(${prefix}_[A-Z_]+)=`, 'gm'))].map(
    (match) => match[1] ?? '',
  );
}

function discoverChartDir(name: string): string {
  const chart = discoverCharts().find((candidate) => candidate.name === name);
  assert.ok(chart !== undefined, `chart ${name}`);
  return chart.dir;
}

function sorted(names: Iterable<string>): string[] {
  return [...new Set(names)].sort();
}

/** The Fabric variables a pod sets are exactly the node's per-node keys, none of them a setting the image bakes. */
function assertPerNodeKeysOnly(
  node: 'peer' | 'orderer',
  set: readonly string[],
  nodeKeys: readonly string[],
  sharedSettings: object,
): void {
  assert.deepEqual(sorted(set), sorted(nodeKeys.map((key) => fabricEnvName(node, key))));
  for (const key of Object.keys(sharedSettings)) {
    assert.ok(!set.includes(fabricEnvName(node, key)), `${key} is a shared setting, baked into the image`);
  }
}

const unavailable = toolsUnavailable();
const skip = unavailable !== undefined && !inCi() ? unavailable : false;

describe('the charts set the per-node Fabric keys of libs/deployment, and only those', () => {
  test('peer: CORE_* of the StatefulSet and its entry script = PEER_NODE_KEYS', { skip }, async () => {
    const env = await containerEnv('metrochain-nmi', 'StatefulSet', 'peer');
    const fabric = [...env, ...scriptExports('files/scripts/peer-start.sh', 'CORE')].filter((name) =>
      name.startsWith('CORE_'),
    );
    assertPerNodeKeysOnly('peer', fabric, PEER_NODE_KEYS, PEER_SETTINGS);
    assert.ok(
      env.includes(CCAAS_ENV.address) && env.includes(CCAAS_ENV.rootCert),
      'the builder learns its server',
    );
  });

  test('orderer: ORDERER_* of the StatefulSet = ORDERER_NODE_KEYS', { skip }, async () => {
    const fabric = (await containerEnv('metrochain-orderers', 'StatefulSet', 'orderer')).filter((name) =>
      name.startsWith('ORDERER_'),
    );
    assertPerNodeKeysOnly('orderer', fabric, ORDERER_NODE_KEYS, ORDERER_SETTINGS);
  });

  test('Fabric variable names follow viper: prefix, dots to underscores, upper case', () => {
    assert.equal(fabricEnvName('peer', 'peer.tls.rootcert.file'), 'CORE_PEER_TLS_ROOTCERT_FILE');
    assert.equal(fabricEnvName('orderer', 'Admin.TLS.ClientRootCAs'), 'ORDERER_ADMIN_TLS_CLIENTROOTCAS');
  });
});
