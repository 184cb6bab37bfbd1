import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { defaultNetworkFile } from '@metrochain/config';
import { verificationsV1ValueSchema, verifyResponseSchema } from '@metrochain/contracts';
import { signData } from '@metrochain/pki';
import { newMeter } from './support/meters';

const VERIFICATION = 'http://127.0.0.1:3002';

function auditorToken(): string | undefined {
  const file = JSON.parse(readFileSync(defaultNetworkFile(), 'utf8')) as { auditors?: { token: string }[] };
  return file.auditors?.[0]?.token;
}

/** Reads server-sent events until `accept` returns true for one, or the timeout passes. */
async function readUntil(
  response: Response,
  accept: (event: { id: string; event: string; data: string }) => boolean,
  timeoutMs: number,
): Promise<{ id: string; event: string; data: string }> {
  assert.ok(response.body !== null);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const timer = setTimeout(() => void reader.cancel(), timeoutMs);
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        assert.fail('the stream ended before the expected event');
      }
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string): string =>
          frame
            .split('\n')
            .filter((line) => line.startsWith(`${name}: `))
            .map((line) => line.slice(name.length + 2))
            .join('\n');
        const event = { id: field('id'), event: field('event'), data: field('data') };
        if (accept(event)) {
          return event;
        }
      }
    }
  } finally {
    clearTimeout(timer);
    await reader.cancel().catch(() => undefined);
  }
}

describe('auditor stream of the verification service', () => {
  it('refuses a missing or unknown bearer token with UNAUTHENTICATED', async () => {
    const missing = await fetch(`${VERIFICATION}/verifications/stream`);
    assert.equal(missing.status, 401);
    assert.equal(((await missing.json()) as { code: string }).code, 'UNAUTHENTICATED');
    const wrong = await fetch(`${VERIFICATION}/verifications/stream`, {
      headers: { authorization: `Bearer ${randomUUID()}` },
    });
    assert.equal(wrong.status, 401);
  });

  it('streams each verification of a meter to an authenticated auditor', async (t) => {
    const token = auditorToken();
    if (token === undefined) {
      t.skip('network.json lists no auditors');
      return;
    }
    const meter = newMeter('stream');
    const response = await fetch(`${VERIFICATION}/verifications/stream?meterId=${meter.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    const data = 'stream me';
    const verified = await fetch(`${VERIFICATION}/verifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ meterId: meter.id, data, signature: signData(meter.privatePem, data) }),
    });
    const answer = verifyResponseSchema.parse(await verified.json());
    assert.equal(answer.outcome === 'invalid' && answer.reason, 'METER_UNKNOWN');
    const event = await readUntil(response, (e) => e.id === answer.verificationId, 30_000);
    assert.equal(event.event, 'verification');
    const record = verificationsV1ValueSchema.parse(JSON.parse(event.data));
    assert.equal(record.verificationId, answer.verificationId);
    assert.equal(record.meterId, meter.id);
  });
});
