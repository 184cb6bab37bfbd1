import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SURVEILLANCE_DEFAULTS, loadSurveillanceConfig, roadOf } from './surveillance.config';

describe('surveillance config', () => {
  it('defaults to no roads and the documented windows', () => {
    assert.deepEqual(loadSurveillanceConfig({}), { ...SURVEILLANCE_DEFAULTS, roads: {} });
  });

  it('takes roads and overrides as JSON', () => {
    const config = loadSurveillanceConfig({
      AUDIT_ROADS: '{"sim-*-speed-*":"A1","m-7":"B2"}',
      AUDIT_SURVEILLANCE: '{"gapGraceMs":5000}',
    });
    assert.equal(config.gapGraceMs, 5000);
    assert.equal(config.driftWindowMs, SURVEILLANCE_DEFAULTS.driftWindowMs);
    assert.equal(roadOf(config.roads, 'sim-ab12-speed-0003'), 'A1');
    assert.equal(roadOf(config.roads, 'm-7'), 'B2');
    assert.equal(roadOf(config.roads, 'sim-ab12-energy-0003'), undefined);
  });

  it('refuses text that is not JSON, unknown keys and bad numbers with CONFIG_INVALID', () => {
    for (const env of [
      { AUDIT_ROADS: 'A1' },
      { AUDIT_SURVEILLANCE: '{"gapGrace":1}' },
      { AUDIT_SURVEILLANCE: '{"gapGraceMs":-1}' },
    ]) {
      assert.throws(() => loadSurveillanceConfig(env), { code: 'CONFIG_INVALID' });
    }
  });
});
