import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import YAML from 'yaml';
import { ORDERER_SETTINGS, PEER_SETTINGS, externalBuilders } from '@metrochain/deployment';
import { fabricCache } from '../../paths';
import { bakedFabricConfig, fabricOverrides } from './fabric-config';

const BUILDER = '/opt/metrochain/ccaas-builder';
const samplesMissing = !existsSync(path.join(fabricCache.config, 'core.yaml'))
  ? `Fabric's sample configs are not in ${fabricCache.config}: run node devnet/dist/cli.js install`
  : false;

describe('the Fabric config an image bakes', () => {
  it('is the shared settings of @metrochain/deployment plus, for peers, the builder at its image path', () => {
    assert.deepEqual(fabricOverrides('peer', BUILDER), {
      ...PEER_SETTINGS,
      'chaincode.externalBuilders': externalBuilders(BUILDER),
    });
    assert.deepEqual(fabricOverrides('orderer'), { ...ORDERER_SETTINGS });
    assert.throws(() => fabricOverrides('peer'));
  });

  it('applies every override to the sample config of the pinned release', { skip: samplesMissing }, () => {
    for (const role of ['peer', 'orderer'] as const) {
      const document = YAML.parseDocument(bakedFabricConfig(role, BUILDER));
      for (const [key, value] of Object.entries(fabricOverrides(role, BUILDER))) {
        const actual: unknown = document.getIn(key.split('.'));
        assert.deepEqual(YAML.isNode(actual) ? actual.toJSON() : actual, value, `${role}: ${key}`);
      }
    }
  });

  it('keeps per-node addresses and paths out: the chart sets them per pod', { skip: samplesMissing }, () => {
    const core = YAML.parse(bakedFabricConfig('peer', BUILDER)) as { peer: Record<string, unknown> };
    assert.equal(core.peer['id'], 'jdoe');
    assert.equal(core.peer['localMspId'], 'SampleOrg');
  });
});
