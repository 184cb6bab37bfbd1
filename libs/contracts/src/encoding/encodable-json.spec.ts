import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { otlpTraceRequestSchema } from '../api/audit-traces-api';
import { isEncodableJson } from './encodable-json';

function nestedArrays(levels: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < levels; level += 1) {
    value = [value];
  }
  return value;
}

describe('isEncodableJson', () => {
  it('takes JSON up to the depth, finite numbers, strings, booleans and null', () => {
    assert.ok(isEncodableJson(nestedArrays(8), 8));
    assert.ok(isEncodableJson({ a: [1, -0, 1e308, 'x', null, false], b: {} }, 2));
    assert.ok(isEncodableJson('text', 0));
  });

  it('refuses one level more, and depths that would exhaust a recursive encoder, without recursing itself', () => {
    assert.equal(isEncodableJson(nestedArrays(9), 8), false);
    assert.equal(isEncodableJson(nestedArrays(500_000), 32), false);
  });

  it('refuses numbers JSON cannot write: Infinity (what 1e309 parses to) and NaN', () => {
    assert.equal(isEncodableJson(JSON.parse('{"a":[1,1e309]}'), 8), false);
    assert.equal(isEncodableJson({ a: { b: Number.NaN } }, 8), false);
  });
});

describe('otlpTraceRequestSchema', () => {
  const exportOf = (arrayValue: unknown): unknown => ({
    resourceSpans: [
      {
        scopeSpans: [
          {
            spans: [
              {
                traceId: 'a'.repeat(32),
                spanId: 'b'.repeat(16),
                name: 'x',
                startTimeUnixNano: '1',
                endTimeUnixNano: '2',
                attributes: [{ key: 'k', value: { arrayValue } }],
              },
            ],
          },
        ],
      },
    ],
  });

  it('takes an attribute array of ordinary depth and refuses one nested past the limit', () => {
    assert.ok(otlpTraceRequestSchema.safeParse(exportOf({ values: [{ stringValue: 'x' }] })).success);
    assert.equal(otlpTraceRequestSchema.safeParse(exportOf(nestedArrays(100_000))).success, false);
  });
});
