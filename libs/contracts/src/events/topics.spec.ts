import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENT_CATALOGUE, TOPIC_NAMES, type EventValue, deadLetterTopicOf, isTopicName } from './topics';

describe('event catalogue', () => {
  it('holds every topic of the design once, versioned', () => {
    assert.deepEqual([...TOPIC_NAMES].sort(), [
      'audit.findings.v1',
      'billing.statements.v1',
      'measurements.recorded.v1',
      'meter.lifecycle.v1',
      'readings.received.v1',
      'readings.rejected.v1',
      'readings.verified.v1',
      'verifications.v1',
    ]);
    assert.equal(new Set(TOPIC_NAMES).size, TOPIC_NAMES.length);
    for (const topic of TOPIC_NAMES) {
      assert.match(topic, /\.v\d+$/);
      assert.equal(EVENT_CATALOGUE[topic].name, topic);
    }
  });

  it('names a dead-letter topic for every topic', () => {
    for (const topic of TOPIC_NAMES) {
      assert.equal(deadLetterTopicOf(topic), `${topic}.dlt`);
    }
    assert.equal(deadLetterTopicOf('readings.received.v1'), 'readings.received.v1.dlt');
  });

  it('recognises only catalogued topic names', () => {
    assert.equal(isTopicName('readings.received.v1'), true);
    assert.equal(isTopicName('readings.received.v2'), false);
    assert.equal(isTopicName('toString'), false);
    assert.equal(isTopicName(42), false);
  });

  it('types payloads by topic', () => {
    const value: EventValue<'measurements.recorded.v1'>['result'] = {
      kind: 'energy',
      energyWh: -1.5,
      samples: 40,
      durationS: 0.04,
      meterTotalWh: 12.5,
    };
    assert.equal(EVENT_CATALOGUE['measurements.recorded.v1'].value.shape.result.parse(value).kind, 'energy');
  });
});
