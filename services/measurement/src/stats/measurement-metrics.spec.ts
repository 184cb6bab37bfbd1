import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Metrics } from '@metrochain/service-kit';
import { MeasurementStats } from './measurement-stats';
import {
  LR_NOT_APPROVED_METRIC,
  READINGS_METRIC,
  REJECTED_METRIC,
  lrNotApprovedCounter,
  measurementStatsObserver,
} from './measurement-metrics';

function value(text: string, prefix: string): string | undefined {
  return text
    .split('\n')
    .find((line) => line.startsWith(prefix))
    ?.split(' ')
    .at(-1);
}

describe('measurement metrics', () => {
  it('count readings by outcome and rejections by reason as MeasurementStats counts them', async () => {
    const metrics = new Metrics({ service: 'measurement', defaultMetrics: false });
    const stats = new MeasurementStats({ observer: measurementStatsObserver(metrics) });
    stats.count('accepted', 3);
    stats.count('rejected', 2, ['SIGNATURE_INVALID', 'SEQ_REPLAYED']);
    stats.count('rejected', 1, ['SIGNATURE_INVALID']);
    stats.count('rejected', 1);
    const text = await metrics.text();
    assert.equal(value(text, `${READINGS_METRIC}{outcome="accepted"`), '3');
    assert.equal(value(text, `${READINGS_METRIC}{outcome="recorded"`), '0');
    assert.equal(value(text, `${READINGS_METRIC}{outcome="rejected"`), '4');
    assert.equal(value(text, `${REJECTED_METRIC}{reason="SIGNATURE_INVALID"`), '2');
    assert.equal(value(text, `${REJECTED_METRIC}{reason="SEQ_REPLAYED"`), '1');
    assert.equal(value(text, `${REJECTED_METRIC}{reason="UNKNOWN"`), '1');
  });

  it('report the LR_NOT_APPROVED refusals the hold counted', async () => {
    const metrics = new Metrics({ service: 'measurement', defaultMetrics: false });
    let refusals = 0;
    lrNotApprovedCounter(metrics, () => refusals);
    assert.equal(value(await metrics.text(), `${LR_NOT_APPROVED_METRIC}{`), '0');
    refusals = 5;
    assert.equal(value(await metrics.text(), `${LR_NOT_APPROVED_METRIC}{`), '5');
  });
});
