import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from './prng';
import { RateMonitor } from './rate-monitor';
import { RateSeries } from './rate-series';

describe('rate monitor (Bernoulli CUSUM)', () => {
  it('raises no alarm over 10^6 readings at the in-control rejection rate p0 = 0.002', () => {
    const random = seededRandom(1);
    const monitor = new RateMonitor('m-1');
    let alarms = 0;
    for (let seq = 0; seq < 1_000_000; seq += 1) {
      const rejection = random.bernoulli(0.002) === 1 ? 'SEQ_REPLAYED' : undefined;
      alarms += monitor.add({ seq, rejection }).length;
    }
    assert.equal(alarms, 0);
  });

  it('finds a burst of signature failures at p = 0.2 within 60 readings, as one critical alarm', () => {
    const random = seededRandom(2);
    const monitor = new RateMonitor('m-1');
    for (let seq = 0; seq < 10_000; seq += 1) {
      assert.deepEqual(monitor.add({ seq, rejection: undefined }), []);
    }
    const alarms = [];
    let delay: number | undefined;
    for (let i = 0; i < 100; i += 1) {
      const rejection = random.bernoulli(0.2) === 1 ? 'SIGNATURE_INVALID' : undefined;
      const found = monitor.add({ seq: 10_000 + i, rejection });
      if (found.length > 0 && delay === undefined) {
        delay = i + 1;
      }
      alarms.push(...found);
    }
    assert.ok(delay !== undefined && delay <= 60, `delay ${String(delay)}`);
    const first = alarms[0];
    assert.equal(first?.category, 'rate-anomaly');
    assert.equal(first.severity, 'critical');
    assert.equal(first.evidence['kind'], 'signature');
    assert.ok(alarms.every((alarm) => alarm.evidence['kind'] === 'signature'));
  });

  it('reports other rejections as a rejection-rate alarm', () => {
    const monitor = new RateMonitor(undefined);
    const alarms = Array.from({ length: 20 }, (_, seq) =>
      monitor.add({ seq, rejection: 'SENSOR_DATA_IMPLAUSIBLE' }),
    ).flat();
    assert.equal(alarms[0]?.evidence['kind'], 'rejection');
    assert.equal(alarms[0].meterId, undefined);
  });
});

describe('rate series (EWMA chart)', () => {
  it('gives per-bucket rates, the EWMA and limits around the long-run rate', () => {
    const series = new RateSeries({ bucketMs: 1000 });
    for (let i = 0; i < 1000; i += 1) {
      series.add(i * 10, i % 100 === 0);
    }
    const points = series.points();
    assert.equal(points.length, 10);
    assert.equal(points[0]?.readings, 100);
    assert.equal(points[0].failures, 1);
    assert.ok(Math.abs(points[0].centre - 0.01) < 1e-12);
    assert.ok(points.every((point) => point.upperLimit > point.ewma && point.lowerLimit <= point.ewma));
  });
});
