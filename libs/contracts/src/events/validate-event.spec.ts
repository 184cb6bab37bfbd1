import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@metrochain/errors';
import { EVENT_SAMPLES } from './event-samples';
import { TOPIC_NAMES, type TopicName } from './topics';
import { EventErrorCode, validateEvent, validateEventKey } from './validate-event';

/** One realistic defect per topic, each breaking a different rule of its schema. */
const BREAKERS: { readonly [T in TopicName]: (value: Record<string, unknown>) => unknown } = {
  'meter.lifecycle.v1': (value) => ({ ...value, status: 'lost' }),
  'readings.received.v1': (value) => ({ ...value, reading: { ...(value['reading'] as object), seq: -1 } }),
  'readings.verified.v1': (value) => ({
    ...value,
    reading: { ...(value['reading'] as object), signature: 'not base64!' },
  }),
  'readings.rejected.v1': (value) => ({ ...value, reason: 'BECAUSE' }),
  'measurements.recorded.v1': (value) => ({ ...value, blockNumber: 1.5 }),
  'verifications.v1': (value) =>
    Object.fromEntries(Object.entries(value).filter(([name]) => name !== 'reason')),
  'billing.statements.v1': (value) => ({
    ...value,
    period: { from: '2025-06-01T00:00:00.000Z', to: '2025-05-01T00:00:00.000Z' },
  }),
  'audit.findings.v1': (value) => ({ ...value, findingId: 'finding-1' }),
};

function assertSchemaInvalid(fn: () => unknown, topic: TopicName, part: 'key' | 'value'): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof DomainError);
    assert.equal(error.code, EventErrorCode.EVENT_SCHEMA_INVALID);
    assert.equal(error.retriable, false);
    assert.equal(error.details['topic'], topic);
    assert.equal(error.details['part'], part);
    assert.ok(Array.isArray(error.details['issues']) && error.details['issues'].length > 0);
    return true;
  });
}

describe('validateEvent', () => {
  for (const topic of TOPIC_NAMES) {
    it(`accepts the sample of ${topic} and returns it typed`, () => {
      const sample = EVENT_SAMPLES[topic];
      assert.deepEqual(validateEvent(topic, sample.value), sample.value);
      assert.equal(validateEventKey(topic, sample.key), sample.key);
    });

    it(`refuses a broken ${topic} with EVENT_SCHEMA_INVALID`, () => {
      const broken = BREAKERS[topic](EVENT_SAMPLES[topic].value);
      assertSchemaInvalid(() => validateEvent(topic, broken), topic, 'value');
    });
  }

  it('refuses values that are not objects', () => {
    for (const value of [null, undefined, 'text', 42, []]) {
      assertSchemaInvalid(
        () => validateEvent('readings.received.v1', value),
        'readings.received.v1',
        'value',
      );
    }
  });

  it('refuses unknown fields inside a signed reading, since they would change the signed bytes', () => {
    const sample = EVENT_SAMPLES['readings.received.v1'].value;
    const tampered = { ...sample, reading: { ...sample.reading, unit: 'mph' } };
    assertSchemaInvalid(
      () => validateEvent('readings.received.v1', tampered),
      'readings.received.v1',
      'value',
    );
  });

  it('drops unknown envelope fields so that older consumers read newer producers', () => {
    const sample = EVENT_SAMPLES['meter.lifecycle.v1'].value;
    assert.deepEqual(validateEvent('meter.lifecycle.v1', { ...sample, addedLater: true }), sample);
  });

  it('lists the failing paths in the message and the zod issues in the details', () => {
    const sample = EVENT_SAMPLES['readings.received.v1'].value;
    const broken = { ...sample, receivedAt: 'yesterday' };
    assert.throws(
      () => validateEvent('readings.received.v1', broken),
      (error: unknown) => error instanceof DomainError && /receivedAt/.test(error.message),
    );
  });

  it('refuses an unknown topic with its own code', () => {
    assert.throws(
      () => validateEvent('readings.received.v0' as TopicName, {}),
      (error: unknown) => error instanceof DomainError && error.code === EventErrorCode.EVENT_TOPIC_UNKNOWN,
    );
  });
});

describe('validateEventKey', () => {
  it('refuses keys that are missing or not identifiers', () => {
    for (const key of [null, '', 'has space', 'x'.repeat(129)]) {
      assertSchemaInvalid(() => validateEventKey('readings.received.v1', key), 'readings.received.v1', 'key');
    }
  });

  it('expects audit subjects as <type>:<id>', () => {
    assert.equal(validateEventKey('audit.findings.v1', 'org:PTBMSP'), 'org:PTBMSP');
    assertSchemaInvalid(() => validateEventKey('audit.findings.v1', 'PTBMSP'), 'audit.findings.v1', 'key');
  });
});
