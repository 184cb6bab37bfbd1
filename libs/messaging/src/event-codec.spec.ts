import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENT_SAMPLES } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import { decodeEvent, encodeEvent, encodeTrustedEvent } from './event-codec';

const TOPIC = 'readings.received.v1';
const sample = EVENT_SAMPLES[TOPIC];

function hasCode(code: string): (error: unknown) => boolean {
  return (error) => error instanceof DomainError && error.code === code;
}

describe('encodeEvent', () => {
  it('writes the key as text, the value as JSON and the trace context as headers', () => {
    const trace = { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };
    const message = encodeEvent(TOPIC, sample.key, sample.value, { trace });
    assert.equal(message.key, sample.key);
    assert.deepEqual(JSON.parse(String(message.value)), sample.value);
    assert.deepEqual(message.headers, { traceparent: trace.traceparent });
  });

  it('refuses a value that breaks the contract', () => {
    const broken = { ...sample.value, receivedAt: 'now' };
    assert.throws(() => encodeEvent(TOPIC, sample.key, broken, undefined), hasCode('EVENT_SCHEMA_INVALID'));
  });

  it('refuses a key that breaks the contract', () => {
    assert.throws(() => encodeEvent(TOPIC, 'not a key', sample.value), hasCode('EVENT_SCHEMA_INVALID'));
  });

  it('sends the parsed value, without fields the contract does not know', () => {
    const extended = { ...sample.value, internalNote: 'do not leak' };
    const message = encodeEvent(TOPIC, sample.key, extended);
    assert.equal('internalNote' in JSON.parse(String(message.value)), false);
  });
});

describe('encodeTrustedEvent', () => {
  const trace = { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };

  it('encodes like encodeEvent, so that consumers decode the same event', () => {
    const message = encodeTrustedEvent(TOPIC, { key: sample.key, value: sample.value, metadata: { trace } });
    assert.deepEqual(message, encodeEvent(TOPIC, sample.key, sample.value, { trace }));
    const record = { key: Buffer.from(String(message.key)), value: Buffer.from(String(message.value)) };
    assert.deepEqual(decodeEvent(TOPIC, record), { key: sample.key, value: sample.value });
  });

  it('sends the JSON text it is given as the value', () => {
    const json = JSON.stringify(sample.value, null, 1);
    const message = encodeTrustedEvent(TOPIC, { key: sample.key, value: sample.value, json });
    assert.equal(message.value, json);
  });

  it('does not check the value again, but still refuses a bad key', () => {
    const unchecked = { ...sample.value, receivedAt: 'now' };
    const message = encodeTrustedEvent(TOPIC, { key: sample.key, value: unchecked });
    assert.equal((JSON.parse(String(message.value)) as { receivedAt: string }).receivedAt, 'now');
    assert.throws(
      () => encodeTrustedEvent(TOPIC, { key: 'not a key', value: sample.value }),
      hasCode('EVENT_SCHEMA_INVALID'),
    );
  });
});

describe('decodeEvent', () => {
  const encoded = encodeEvent(TOPIC, sample.key, sample.value);
  const record = { key: Buffer.from(String(encoded.key)), value: Buffer.from(String(encoded.value)) };

  it('round-trips an encoded event', () => {
    assert.deepEqual(decodeEvent(TOPIC, record), { key: sample.key, value: sample.value });
  });

  it('reports a missing or non-JSON value as EVENT_JSON_INVALID', () => {
    assert.throws(() => decodeEvent(TOPIC, { ...record, value: null }), hasCode('EVENT_JSON_INVALID'));
    assert.throws(
      () => decodeEvent(TOPIC, { ...record, value: Buffer.from('{"trunc') }),
      hasCode('EVENT_JSON_INVALID'),
    );
  });

  it('reports JSON that breaks the contract as EVENT_SCHEMA_INVALID', () => {
    const value = Buffer.from(
      JSON.stringify({ ...sample.value, reading: { ...sample.value.reading, kind: 'water' } }),
    );
    assert.throws(() => decodeEvent(TOPIC, { ...record, value }), hasCode('EVENT_SCHEMA_INVALID'));
  });

  it('reports a missing key as EVENT_SCHEMA_INVALID', () => {
    assert.throws(() => decodeEvent(TOPIC, { ...record, key: null }), hasCode('EVENT_SCHEMA_INVALID'));
  });
});
