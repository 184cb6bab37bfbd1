import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import {
  AuditTracePaths,
  MeasurementApiPaths,
  type TraceView,
  chaincodeServerVersionSchema,
  ingestResponseSchema,
  serviceVersionSchema,
  traceSummarySchema,
  traceViewSchema,
} from '@metrochain/contracts';
import { runningNetwork } from '@metrochain/devnet';
import { eventually } from './support/eventually';
import { MEASUREMENT_URL, energyReading, finalStatus } from './support/ingest';
import { bearer, tokenOf } from './support/principals';
import { Registrars } from './support/registered-meters';

const AUDIT_URL = 'http://127.0.0.1:3005';

/** Every service process of the devnet, and what its /metrics must name besides the platform's metrics. */
const SERVICES: readonly { name: string; port: number; metrics: readonly string[] }[] = [
  { name: 'registration-ptb', port: 3001, metrics: ['metrochain_registration_attestations_total'] },
  { name: 'registration-inmetro', port: 3011, metrics: ['metrochain_registration_attestations_total'] },
  { name: 'verification', port: 3002, metrics: ['metrochain_verification_checks_total'] },
  {
    name: 'measurement',
    port: 3003,
    metrics: [
      'metrochain_measurement_readings_total',
      'metrochain_measurement_readings_rejected_total',
      'metrochain_measurement_lr_not_approved_total',
    ],
  },
  {
    name: 'billing',
    port: 3004,
    metrics: ['metrochain_billing_statements_published_total', 'metrochain_billing_statement_failures_total'],
  },
  {
    name: 'audit',
    port: 3005,
    metrics: ['metrochain_audit_findings_total', 'metrochain_audit_trace_spans_total'],
  },
];

const PLATFORM_METRICS = [
  'metrochain_http_request_duration_seconds',
  'metrochain_kafka_consumer_lag',
  'process_cpu_user_seconds_total',
  'process_resident_memory_bytes',
  'nodejs_eventloop_lag_seconds',
  'nodejs_heap_size_used_bytes',
];

async function scrape(url: string): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(url);
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

function declared(text: string): Set<string> {
  return new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map((match) => match[1] ?? ''));
}

describe('T11 /metrics on every service and chaincode server, anonymously', () => {
  for (const service of SERVICES) {
    it(`${service.name} (:${String(service.port)}) exports the platform and its domain metrics`, async () => {
      // One request first, so that the duration histogram has a sample of a known route.
      await fetch(`http://127.0.0.1:${String(service.port)}/health/live`);
      const { status, type, text } = await scrape(`http://127.0.0.1:${String(service.port)}/metrics`);
      assert.equal(status, 200);
      assert.match(type, /^text\/plain; version=0\.0\.4/);
      const names = declared(text);
      for (const name of [...PLATFORM_METRICS, ...service.metrics]) {
        assert.ok(names.has(name), `${service.name} declares ${name}`);
      }
      assert.match(
        text,
        /^metrochain_http_request_duration_seconds_count\{[^}]*route="\/health\/live"[^}]*\} [1-9]/m,
      );
      const version = await fetch(`http://127.0.0.1:${String(service.port)}/version`);
      assert.equal(version.status, 200);
      const stated = serviceVersionSchema.parse(await version.json());
      assert.equal(stated.service, service.name.replace(/-.*$/, ''));
      assert.match(stated.lrFingerprint ?? '', /^[0-9a-f]{64}$/);
    });
  }

  it('each chaincode server answers /metrics on its HTTP port with the chaincode it runs', async () => {
    const { topology } = runningNetwork();
    assert.ok(topology.orgs.length >= 2);
    for (const org of topology.orgs) {
      const { status, text } = await scrape(
        `http://127.0.0.1:${String(org.chaincodeServer.httpPort)}/metrics`,
      );
      assert.equal(status, 200, org.name);
      const fingerprint = /^metrochain_chaincode_info\{[^}]*fingerprint="([0-9a-f]{64})"[^}]*\} 1$/m.exec(
        text,
      )?.[1];
      assert.ok(fingerprint, org.name);
      const version = await fetch(`http://127.0.0.1:${String(org.chaincodeServer.httpPort)}/version`);
      assert.equal(version.status, 200, org.name);
      assert.equal(chaincodeServerVersionSchema.parse(await version.json()).fingerprint, fingerprint);
    }
  });
});

/** The span `name` of `service`: several services consume the same topic (verification, the audit's surveillance). */
/**
 * The trace as the audit service shows it to an auditor, once every hop's span has arrived (each service exports its
 * spans on its own schedule).
 */
async function completeTrace(
  what: string,
  traceId: string,
  auditor: Record<string, string>,
): Promise<TraceView> {
  return eventually(
    what,
    async () => {
      const answer = await fetch(`${AUDIT_URL}/api/traces/${traceId}`, { headers: auditor });
      if (answer.status !== 200) {
        return undefined;
      }
      const parsed = traceViewSchema.parse(await answer.json());
      const complete =
        parsed.spans.some((span) => span.name === 'ledger.submit') &&
        parsed.spans.some((span) => span.service === 'verification') &&
        parsed.services.includes('audit');
      return complete ? parsed : undefined;
    },
    30_000,
  );
}

function spanNamed(view: TraceView, name: string, service?: string): TraceView['spans'][number] {
  const span = view.spans.find(
    (candidate) => candidate.name === name && (service === undefined || candidate.service === service),
  );
  assert.ok(
    span,
    `the trace has a ${name} span: ${view.spans.map((s) => `${s.service}/${s.name}`).join(', ')}`,
  );
  return span;
}

describe('T11 the trace of one reading from ingest to the ledger', () => {
  const auditor = bearer(tokenOf('auditor-ptb'));
  let registrars: Registrars;

  before(async () => {
    registrars = await Registrars.open();
  });
  after(() => {
    registrars.close();
  });

  it('shows ingest, verification, the recorder and the ledger submit as one trace, to auditors', async () => {
    const meter = await registrars.activeMeter('traced');
    const traceId = randomBytes(16).toString('hex');
    const clientSpan = randomBytes(8).toString('hex');
    const started = Date.now();
    const response = await fetch(`${MEASUREMENT_URL}${MeasurementApiPaths.ingestBatch}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${clientSpan}-01` },
      body: JSON.stringify({ readings: [energyReading(meter, 1)] }),
    });
    assert.equal(response.status, 202);
    const [accepted] = ingestResponseSchema.parse(await response.json()).accepted;
    assert.ok(accepted);
    const status = await finalStatus(accepted.readingId);
    assert.equal(status.status, 'recorded', JSON.stringify(status));
    assert.equal(status.traceId, traceId, 'the status names the trace of the request');
    const recordedMs = Date.now() - started;

    const view = await completeTrace('the trace with its ledger submit', traceId, auditor);
    const ingest = spanNamed(view, 'measurement.ingest');
    const consume = spanNamed(view, 'readings.received.v1 process', 'verification');
    const recorder = spanNamed(view, 'measurement.recordBatch');
    const submit = spanNamed(view, 'ledger.submit');
    // One chain: the client's span → ingest → verification's consumer → the recorder → the ledger submit.
    assert.equal(ingest.parentSpanId, clientSpan);
    assert.equal(ingest.service, 'measurement');
    assert.equal(consume.parentSpanId, ingest.spanId);
    assert.equal(consume.service, 'verification');
    assert.equal(recorder.parentSpanId, consume.spanId);
    assert.equal(recorder.service, 'measurement');
    assert.equal(submit.parentSpanId, recorder.spanId);
    assert.equal(submit.attributes['ledger.transaction'], 'recordBatch');
    assert.equal(submit.attributes['ledger.transaction_id'], status.txId);
    assert.ok(view.spans.length >= 4);
    // The audit service's surveillance reads the same topic: its consumer span joins the trace as a third service.
    assert.deepEqual([...view.services].sort(), ['audit', 'measurement', 'verification']);
    for (const span of [consume, recorder, submit]) {
      assert.ok(span.startMs >= ingest.startMs, `${span.name} starts after ingest`);
    }
    console.log(
      `trace ${traceId}: ${String(view.spans.length)} spans, ${view.durationMs.toFixed(1)} ms; ingest ` +
        `${ingest.durationMs.toFixed(1)} ms, verification ${consume.durationMs.toFixed(1)} ms, recorder ` +
        `${recorder.durationMs.toFixed(1)} ms, ledger.submit ${submit.durationMs.toFixed(1)} ms; recorded ` +
        `status seen after ${String(recordedMs)} ms`,
    );

    const list = await fetch(`${AUDIT_URL}${AuditTracePaths.traces}?limit=200`, { headers: auditor });
    assert.equal(list.status, 200);
    const summaries = traceSummarySchema.array().parse(await list.json());
    assert.ok(
      summaries.some((summary) => summary.traceId === traceId),
      'the trace is among the recent ones',
    );
  });

  it('starts a trace of its own for a reading posted without traceparent, and names it on the status', async () => {
    const meter = await registrars.activeMeter('untraced');
    const answer = await fetch(`${MEASUREMENT_URL}${MeasurementApiPaths.ingestBatch}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ readings: [energyReading(meter, 1)] }),
    });
    assert.equal(answer.status, 202);
    const [accepted] = ingestResponseSchema.parse(await answer.json()).accepted;
    assert.ok(accepted);
    const status = await finalStatus(accepted.readingId);
    assert.equal(status.status, 'recorded');
    const traceId = status.traceId;
    assert.match(traceId ?? '', /^[0-9a-f]{32}$/);
    const view = await completeTrace('the trace of the reading without traceparent', traceId ?? '', auditor);
    assert.equal(spanNamed(view, 'measurement.ingest').parentSpanId, null);
  });

  it('shows traces to auditors only', async () => {
    const path = `${AUDIT_URL}${AuditTracePaths.traces}`;
    assert.equal((await fetch(path)).status, 401);
    assert.equal((await fetch(path, { headers: bearer(tokenOf('operator-ptb')) })).status, 403);
    const unknown = await fetch(`${AUDIT_URL}/api/traces/${'0'.repeat(31)}1`, { headers: auditor });
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { code: string }).code, 'TRACE_UNKNOWN');
  });
});

/**
 * POSTs to the receiver, optionally from another local address (127.0.0.2 is not the exporters' 127.0.0.1). An
 * oversized body is sent only if no answer came within a second: the server answers 413 from the announced length
 * and closes the connection, which would fail a client still writing.
 */
function postSpans(
  body: string,
  options: Readonly<{ localAddress?: string; contentType?: string; oversized?: boolean }> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = request(`${AUDIT_URL}${AuditTracePaths.receive}`, {
      method: 'POST',
      headers: {
        'content-type': options.contentType ?? 'application/json',
        'content-length': Buffer.byteLength(body),
      },
      ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }),
    });
    outgoing.on('response', (incoming) => {
      answered = true;
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({
          status: incoming.statusCode ?? 0,
          body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
        });
        outgoing.destroy();
      });
    });
    outgoing.on('error', (error) => {
      if (!answered) {
        reject(error);
      }
    });
    if (options.oversized === true) {
      outgoing.flushHeaders();
      setTimeout(() => {
        if (!answered) {
          outgoing.end(body);
        }
      }, 1000);
    } else {
      outgoing.end(body);
    }
  });
}

describe('T11 the trace receiver refuses misuse with a code', () => {
  const span = {
    traceId: randomBytes(16).toString('hex'),
    spanId: randomBytes(8).toString('hex'),
    name: 'intruder',
    kind: 1,
    startTimeUnixNano: '1',
    endTimeUnixNano: '2',
  };
  const valid = JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] });

  it('refuses exports that do not come from 127.0.0.1 and carry no token (ACCESS_FORBIDDEN 403)', async () => {
    const foreign = await postSpans(valid, { localAddress: '127.0.0.2' });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.body['code'], 'ACCESS_FORBIDDEN');
    const stored = await fetch(`${AUDIT_URL}/api/traces/${span.traceId}`, {
      headers: bearer(tokenOf('auditor-ptb')),
    });
    assert.equal(stored.status, 404, 'nothing of the refused export is stored');
  });

  it('refuses malformed, oversized and protobuf bodies (REQUEST_INVALID, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE)', async () => {
    for (const body of [
      '{"resourceSpans": [',
      '{"resourceSpans": "x"}',
      JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ ...span, traceId: 'zz' }] }] }] }),
    ]) {
      const answer = await postSpans(body);
      assert.equal(answer.status, 400, body);
      assert.equal(answer.body['code'], 'REQUEST_INVALID', body);
    }
    const huge = await postSpans(JSON.stringify({ resourceSpans: [], pad: 'x'.repeat(5 * 1024 * 1024) }), {
      oversized: true,
    });
    assert.equal(huge.status, 413);
    assert.equal(huge.body['code'], 'PAYLOAD_TOO_LARGE');
    const protobuf = await postSpans('\u0000\u0001', { contentType: 'application/x-protobuf' });
    assert.equal(protobuf.status, 415);
    assert.equal(protobuf.body['code'], 'UNSUPPORTED_MEDIA_TYPE');
  });
});
