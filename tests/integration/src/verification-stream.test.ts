import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  VerificationApiPaths,
  type VerificationRecord,
  verificationsV1ValueSchema,
} from '@metrochain/contracts';
import { EventProducer, createKafkaClient } from '@metrochain/messaging';
import { networkProfile } from './support/network';
import { MANUFACTURER, bearer, tokenOf } from './support/principals';

const STREAM_URL = `http://127.0.0.1:3002${VerificationApiPaths.stream}`;
const READ_TIMEOUT_MS = 30_000;

/** The auditors' bearer tokens the devnet provisioned in network.json, one per NMI. */
function auditorTokens(): string[] {
  return networkProfile()
    .identity.principals.filter((principal) => principal.role === 'auditor')
    .map((principal) => principal.token);
}

/** A record as a verification instance would publish it, for a meter no other test uses. */
function record(meterId: string, outcome: 'valid' | 'invalid', index: number): VerificationRecord {
  const now = new Date().toISOString();
  const base = {
    verificationId: `vb-it-stream-${randomUUID().slice(0, 8)}.${String(index)}`,
    source: 'api',
    meterId,
    dataDigest: 'ab'.repeat(32),
    measuredAt: now,
    meterStatus: 'active',
    keyFingerprint: 'cd'.repeat(32),
    attestedBy: ['PTBMSP', 'InmetroMSP'],
    verifiedBy: 'PTBMSP',
    checkedAt: now,
  };
  return verificationsV1ValueSchema.parse(
    outcome === 'valid' ? { ...base, outcome } : { ...base, outcome, reason: 'SIGNATURE_INVALID' },
  );
}

interface Frame {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
}

/** Reads a server-sent-event stream frame by frame, comments left out. */
class EventStream {
  readonly #reader: ReadableStreamDefaultReader<string>;
  #buffer = '';

  constructor(response: Response) {
    assert.ok(response.body !== null);
    this.#reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  }

  async next(): Promise<Frame> {
    for (;;) {
      const end = this.#buffer.indexOf('\n\n');
      if (end >= 0) {
        const lines = this.#buffer.slice(0, end).split('\n');
        this.#buffer = this.#buffer.slice(end + 2);
        const fields = lines.filter((line) => !line.startsWith(':')).map((line) => line.split(/: (.*)/s));
        if (fields.length > 0) {
          return Object.fromEntries(fields.map(([name = '', value = '']) => [name, value]));
        }
      } else {
        const { value, done } = await this.#reader.read();
        assert.equal(done, false, 'the stream ended');
        this.#buffer += value;
      }
    }
  }

  /** The next `verification` event, checked against the topic's contract. */
  async nextRecord(): Promise<VerificationRecord> {
    for (;;) {
      const frame = await this.next();
      if (frame.event === 'verification') {
        const parsed = verificationsV1ValueSchema.parse(JSON.parse(frame.data ?? ''));
        assert.equal(frame.id, parsed.verificationId);
        return parsed;
      }
    }
  }

  async close(): Promise<void> {
    await this.#reader.cancel().catch(() => undefined);
  }
}

async function openStream(token: string, query: string): Promise<EventStream> {
  const response = await fetch(`${STREAM_URL}${query}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(READ_TIMEOUT_MS),
  });
  if (response.status !== 200) {
    assert.fail(`stream answered ${String(response.status)}: ${await response.text()}`);
  }
  assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
  assert.equal(response.headers.get('cache-control'), 'no-cache, no-transform');
  assert.equal(response.headers.get('x-accel-buffering'), 'no');
  const stream = new EventStream(response);
  // Written when the hub took the client on: anything published from now on reaches it.
  assert.deepEqual(await stream.next(), { retry: '2000' });
  return stream;
}

describe('auditor stream of the verification service (verifications.v1 as server-sent events)', () => {
  const kafka = createKafkaClient({
    clientId: 'integration-verification-stream',
    brokers: networkProfile().kafka.brokers,
  });
  const producer = new EventProducer({ kafka });

  before(() => producer.connect());
  after(() => producer.disconnect());

  it('refuses a missing token (401 UNAUTHENTICATED), a bad one (401 TOKEN_INVALID) and a manufacturer (403)', async () => {
    const cases: [Record<string, string>, number, string][] = [
      [{}, 401, 'UNAUTHENTICATED'],
      [{ authorization: `Bearer ${randomUUID()}` }, 401, 'TOKEN_INVALID'],
      [bearer(tokenOf(MANUFACTURER)), 403, 'ACCESS_FORBIDDEN'],
    ];
    for (const [headers, status, code] of cases) {
      const response = await fetch(STREAM_URL, { headers });
      assert.equal(response.status, status, code);
      assert.equal(((await response.json()) as { code: string }).code, code);
    }
  });

  it('refuses a bad filter with 400 REQUEST_INVALID', async () => {
    const [token] = auditorTokens();
    assert.ok(token !== undefined, 'network.json provisions auditors');
    const response = await fetch(`${STREAM_URL}?outcome=maybe`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { code: string }).code, 'REQUEST_INVALID');
  });

  it('streams records produced to the topic to every auditor, filtered by meter and outcome', async () => {
    const tokens = auditorTokens();
    assert.equal(tokens.length, 2, 'one auditor per NMI');
    const meterId = `it-stream-${randomUUID()}`;
    const everything = await openStream(tokens[0] ?? '', `?meterId=${meterId}`);
    const validOnly = await openStream(tokens.at(-1) ?? '', `?meterId=${meterId}&outcome=valid`);
    try {
      const invalid = record(meterId, 'invalid', 0);
      const valid = record(meterId, 'valid', 1);
      // One key, one partition: the two arrive in this order.
      await producer.publishBatch('verifications.v1', [
        { key: meterId, value: invalid },
        { key: meterId, value: valid },
      ]);
      assert.deepEqual(await everything.nextRecord(), invalid);
      assert.deepEqual(await everything.nextRecord(), valid);
      assert.deepEqual(await validOnly.nextRecord(), valid);
    } finally {
      await Promise.all([everything.close(), validOnly.close()]);
    }
  });
});
