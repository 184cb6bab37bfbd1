import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { otlpTraceRequestSchema } from '@metrochain/contracts';
import { attributeValue, spansOf } from './otlp-spans';
import { INGEST_SPAN, TRACE_ID, exportOf } from './trace-fixtures';

describe('spansOf', () => {
  it('keeps a span with a very long error message, shortened, instead of refusing the export', () => {
    const request = exportOf('measurement', [{ spanId: INGEST_SPAN, name: 'x', startMs: 0, durationMs: 1 }]);
    const [resource] = request.resourceSpans;
    const [span] = resource?.scopeSpans[0]?.spans ?? [];
    assert.ok(span !== undefined);
    span.status = { code: 2, message: 'e'.repeat(10_000) };
    const [stored] = spansOf(otlpTraceRequestSchema.parse(request));
    assert.equal(stored?.traceId, TRACE_ID);
    assert.equal(stored.status, 'error');
    assert.equal(stored.statusMessage?.length, 1_024);
  });

  it('reads every kind of attribute value, nested ones as JSON', () => {
    assert.equal(attributeValue({ intValue: '42' }), 42);
    assert.equal(attributeValue({ doubleValue: 0.5 }), 0.5);
    assert.equal(attributeValue({ boolValue: false }), false);
    assert.equal(
      attributeValue({ arrayValue: { values: [{ stringValue: 'a' }] } }),
      '{"values":[{"stringValue":"a"}]}',
    );
    assert.equal(attributeValue({}), undefined);
    assert.equal(attributeValue(undefined), undefined);
  });

  it('names the service of a resource without service.name unknown', () => {
    const request = exportOf('x', [{ spanId: INGEST_SPAN, name: 'x', startMs: 0, durationMs: 1 }]);
    const [resource] = request.resourceSpans;
    assert.ok(resource !== undefined);
    resource.resource.attributes = [];
    assert.equal(spansOf(request)[0]?.service, 'unknown');
  });
});
