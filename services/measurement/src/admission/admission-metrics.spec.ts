import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Metrics } from '@metrochain/service-kit';
import {
  IN_FLIGHT_METRIC,
  MAX_IN_FLIGHT_METRIC,
  REFUSED_METRIC,
  admissionMetrics,
} from './admission-metrics';
import type { AdmissionSnapshot } from './ingest-admission';

function value(text: string, prefix: string): string | undefined {
  return text
    .split('\n')
    .find((line) => line.startsWith(prefix))
    ?.split(' ')
    .at(-1);
}

describe('admission metrics', () => {
  it('show the in-flight estimate, its bound and the refusals as the admission counts them', async () => {
    const metrics = new Metrics({ service: 'measurement', defaultMetrics: false });
    let snapshot: AdmissionSnapshot = {
      inFlight: undefined,
      maxInFlight: 2000,
      drainPerSecond: 0,
      refusedRequests: 0,
      refusedReadings: 0,
    };
    admissionMetrics(metrics, { snapshot: () => snapshot });
    let text = await metrics.text();
    assert.match(value(text, `${IN_FLIGHT_METRIC}{`) ?? '', /^nan$/i, 'unknown while the lag is unread');
    assert.equal(value(text, `${MAX_IN_FLIGHT_METRIC}{`), '2000');
    snapshot = { ...snapshot, inFlight: 2100, refusedRequests: 3, refusedReadings: 150 };
    text = await metrics.text();
    assert.equal(value(text, `${IN_FLIGHT_METRIC}{`), '2100');
    assert.equal(value(text, `${REFUSED_METRIC}{unit="requests"`), '3');
    assert.equal(value(text, `${REFUSED_METRIC}{unit="readings"`), '150');
  });
});
