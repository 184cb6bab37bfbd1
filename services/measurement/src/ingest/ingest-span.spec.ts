import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SpanKind } from '@opentelemetry/api';
import { type RecordedSpans, recordSpans } from '@metrochain/observability/testing';
import { inIngestSpan } from './ingest-span';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const PARENT = 'b7ad6b7169203331';

describe('inIngestSpan', () => {
  let spans: RecordedSpans;
  before(() => {
    spans = recordSpans();
  });
  after(() => spans.stop());

  it("continues the request's trace and hands on the ingest span as the events' parent", async () => {
    spans.reset();
    const ingest = await inIngestSpan({ traceparent: `00-${TRACE_ID}-${PARENT}-01` }, 2, (traced) =>
      Promise.resolve(traced),
    );
    const [span] = spans.finished();
    assert.equal(span?.name, 'measurement.ingest');
    assert.equal(span.kind, SpanKind.SERVER);
    assert.equal(span.parentSpanContext?.spanId, PARENT);
    assert.equal(ingest.traceId, TRACE_ID);
    assert.equal(ingest.context?.traceparent, `00-${TRACE_ID}-${span.spanContext().spanId}-01`);
  });

  it('starts a new trace for a request without one', async () => {
    spans.reset();
    const ingest = await inIngestSpan(undefined, 1, (traced) => Promise.resolve(traced));
    const [span] = spans.finished();
    assert.ok(span !== undefined);
    assert.equal(span.parentSpanContext, undefined);
    assert.match(ingest.traceId ?? '', /^[0-9a-f]{32}$/);
    assert.equal(ingest.traceId, span.spanContext().traceId);
  });
});
