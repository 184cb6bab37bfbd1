import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { Global, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { VerificationApiPaths } from '@metrochain/contracts';
import { createLogger } from '@metrochain/observability';
import { KAFKA_CLIENT, createHttpApp } from '@metrochain/service-kit';
import { type TestIssuer, accessSpecProviders, newTestIssuer } from '@metrochain/service-kit/testing';
import { FakeKafka, kafkaMessage } from '@metrochain/messaging/testing';
import type { VerificationRecord } from '@metrochain/contracts';
import { SseFrames } from './sse-frames';
import { verificationRecord } from './stream-fixtures';
import { StreamHub } from './stream-hub';
import { StreamModule } from './stream.module';
import { VERIFICATION_FANOUT, type VerificationFanout } from './verification-fanout';

const credentials = (async (): Promise<{ issuer: TestIssuer; auditor: string; manufacturer: string }> => {
  const issuer = await newTestIssuer();
  const auditor = await issuer.token({ sub: 'auditor-ptb', role: 'auditor' });
  return { issuer, auditor, manufacturer: await issuer.token({ sub: 'acme', role: 'manufacturer' }) };
})();
let TOKEN = '';
let MANUFACTURER_TOKEN = '';

/** Hands `record` to the stream's consumer as the topic would. */
async function deliver(kafka: FakeKafka, record: VerificationRecord): Promise<void> {
  const consumer = kafka.consumers[0];
  assert.ok(consumer !== undefined, 'the stream is not consuming');
  await consumer.deliver(
    'verifications.v1',
    0,
    kafkaMessage({ key: record.meterId, value: JSON.stringify(record) }),
  );
}

async function startApp(
  env: Readonly<Record<string, string>>,
  kafka: FakeKafka,
): Promise<NestFastifyApplication> {
  Object.assign(process.env, env);
  const { issuer, auditor, manufacturer } = await credentials;
  TOKEN = auditor;
  MANUFACTURER_TOKEN = manufacturer;
  @Global()
  @Module({
    providers: [
      { provide: KAFKA_CLIENT, useValue: kafka },
      ...accessSpecProviders({ issuers: [issuer.trusted], ownNmi: 'PTBMSP' }),
    ],
    exports: [KAFKA_CLIENT],
  })
  class FakePlatformModule {}
  @Module({ imports: [FakePlatformModule, StreamModule] })
  class SpecAppModule {}
  const logger = createLogger('spec', { level: 'silent' });
  const app = await createHttpApp({ serviceName: 'verification', module: SpecAppModule, logger });
  await app.listen(0, '127.0.0.1');
  return app;
}

interface Frame {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
  comment?: string;
}

/** Reads an event stream frame by frame. */
class SseReader {
  readonly #reader: ReadableStreamDefaultReader<string>;
  #buffer = '';

  constructor(response: Response) {
    assert.ok(response.body !== null);
    this.#reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  }

  /** The next frame, or undefined when the stream ended. */
  async next(): Promise<Frame | undefined> {
    for (;;) {
      const end = this.#buffer.indexOf('\n\n');
      if (end >= 0) {
        const text = this.#buffer.slice(0, end);
        this.#buffer = this.#buffer.slice(end + 2);
        return parseFrame(text);
      }
      const { value, done } = await this.#reader.read();
      if (done) {
        return undefined;
      }
      this.#buffer += value;
    }
  }

  async cancel(): Promise<void> {
    await this.#reader.cancel();
  }
}

function parseFrame(text: string): Frame {
  const frame: Frame = {};
  for (const line of text.split('\n')) {
    if (line.startsWith(': ')) {
      frame.comment = line.slice(2);
    } else {
      const [field = '', ...value] = line.split(': ');
      Object.assign(frame, { [field]: value.join(': ') });
    }
  }
  return frame;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let tries = 0; !condition(); tries += 1) {
    assert.ok(tries < 200, `timed out waiting until ${what}`);
    await delay(10);
  }
}

describe('GET /verifications/stream', () => {
  const kafka = new FakeKafka();
  let app: NestFastifyApplication;
  let url: string;
  let hub: StreamHub;
  const open = (query = '', token = TOKEN): Promise<Response> =>
    fetch(`${url}${query}`, { headers: { authorization: `Bearer ${token}` } });

  before(async () => {
    app = await startApp({ VERIFICATION_STREAM_MAX_BUFFERED_BYTES: String(2 * 1024 * 1024) }, kafka);
    url = `${await app.getUrl()}${VerificationApiPaths.stream}`;
    hub = app.get(StreamHub);
  });
  after(() => app.close());

  it('refuses a missing or unknown token with 401, naming the scheme, and another role with 403', async () => {
    const refusals: [Record<string, string>, number, string][] = [
      [{}, 401, 'UNAUTHENTICATED'],
      [{ authorization: TOKEN }, 401, 'UNAUTHENTICATED'],
      [{ authorization: 'Bearer not-the-token' }, 401, 'TOKEN_INVALID'],
      [{ authorization: `Bearer ${MANUFACTURER_TOKEN}` }, 403, 'ACCESS_FORBIDDEN'],
    ];
    for (const [headers, status, code] of refusals) {
      const response = await fetch(url, { headers });
      assert.equal(response.status, status, code);
      if (status === 401) {
        assert.equal(response.headers.get('www-authenticate'), 'Bearer');
      }
      const body = (await response.json()) as { code: string; message: string };
      assert.equal(body.code, code);
      assert.equal(typeof body.message, 'string');
    }
    assert.equal(hub.size, 0);
  });

  it('refuses bad filters with 400 REQUEST_INVALID', async () => {
    for (const query of ['?outcome=maybe', '?meterId=a%20b', '?meterid=m-1', '?meterId=a&meterId=b']) {
      const response = await open(query);
      assert.equal(response.status, 400, query);
      assert.equal(((await response.json()) as { code: string }).code, 'REQUEST_INVALID');
    }
  });

  it('opens an event stream with the right headers and streams each matching record from the topic', async () => {
    const everything = await open();
    const meter2 = await open('?meterId=meter-2&outcome=invalid');
    assert.equal(everything.status, 200);
    assert.equal(everything.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    assert.equal(everything.headers.get('cache-control'), 'no-cache, no-transform');
    assert.equal(everything.headers.get('x-accel-buffering'), 'no');
    const [all, filtered] = [new SseReader(everything), new SseReader(meter2)];
    assert.deepEqual(await all.next(), { retry: '2000' });
    assert.deepEqual(await filtered.next(), { retry: '2000' });
    const first = verificationRecord({ index: 1, meterId: 'meter-1', outcome: 'invalid' });
    const second = verificationRecord({ index: 2, meterId: 'meter-2', outcome: 'invalid' });
    await deliver(kafka, first);
    await deliver(kafka, second);
    const frames = [await all.next(), await all.next()];
    assert.deepEqual(frames, [
      { id: first.verificationId, event: 'verification', data: JSON.stringify(first) },
      { id: second.verificationId, event: 'verification', data: JSON.stringify(second) },
    ]);
    assert.deepEqual(await filtered.next(), frames[1]);
    await all.cancel();
    await filtered.cancel();
    await until(() => hub.size === 0, 'the hub forgot the clients that left');
  });

  it('exports the fan-out, so a record pushed directly reaches the clients too', async () => {
    const reader = new SseReader(await open());
    await reader.next();
    const record = verificationRecord({ index: 3 });
    app.get<string, VerificationFanout>(VERIFICATION_FANOUT).publish(record);
    assert.equal((await reader.next())?.id, record.verificationId);
    await reader.cancel();
    await until(() => hub.size === 0, 'the hub forgot the client');
  });

  it('sends a client that stopped reading `overflow` and ends its stream; one that reads keeps up', async () => {
    const reading = new SseReader(await open());
    await reading.next();
    let received = 0;
    const readingLoop = (async (): Promise<void> => {
      for (let frame = await reading.next(); frame !== undefined; frame = await reading.next()) {
        received += frame.event === 'verification' ? 1 : 0;
      }
    })();
    const silent = connect(Number(new URL(url).port), '127.0.0.1');
    silent.pause();
    silent.write(
      `GET ${VerificationApiPaths.stream} HTTP/1.1\r\nHost: spec\r\nAuthorization: Bearer ${TOKEN}\r\n\r\n`,
    );
    await until(() => hub.size === 2, 'the silent client subscribed');
    const fanout = app.get<string, VerificationFanout>(VERIFICATION_FANOUT);
    // Kernel buffers fill first, then the response's own, bounded at 2 MiB; the reading client is paced.
    let published = 0;
    while (hub.size === 2) {
      assert.ok(published < 100_000, 'the silent client was never dropped');
      for (const end = published + 500; published < end; published += 1) {
        fanout.publish(verificationRecord({ index: 1000 + published }));
      }
      await until(() => received >= published - 500, 'the reading client kept up');
    }
    await until(() => received === published, 'the reading client got every record');
    assert.equal(hub.size, 1);

    // The silent client's response ends (last chunk of the chunked body) after the overflow event.
    let text = '';
    const ended = new Promise<void>((resolve) => {
      silent.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        if (text.endsWith('\r\n0\r\n\r\n')) {
          resolve();
        }
      });
    });
    silent.resume();
    await ended;
    silent.destroy();
    assert.match(text, /^HTTP\/1.1 200 OK\r\n[^]*\r\nretry: 2000\n\n\r\n/);
    assert.ok(text.includes(`${SseFrames.overflow}\r\n0\r\n\r\n`), text.slice(-200));
    const delivered = text.match(/^event: verification$/gm)?.length ?? 0;
    assert.ok(
      delivered > 0 && delivered < published,
      `silent client got ${String(delivered)} of ${String(published)}`,
    );
    await reading.cancel();
    await readingLoop.catch(() => undefined);
    await until(() => hub.size === 0, 'the hub forgot the reading client');
  });

  it('ends open streams when the application shuts down', async () => {
    const reader = new SseReader(await open());
    await reader.next();
    await app.close();
    assert.equal(await reader.next(), undefined);
  });
});

describe('the stream in the OpenAPI document', () => {
  let app: NestFastifyApplication;
  before(async () => {
    app = await startApp({}, new FakeKafka());
  });
  after(() => app.close());

  it('documents the stream with its bearer scheme, its policy and every answer', async () => {
    const document = (await (await fetch(`${await app.getUrl()}/docs-json`)).json()) as {
      paths: Record<
        string,
        { get?: { security?: unknown[]; responses: Record<string, unknown>; 'x-access'?: unknown } }
      >;
    };
    const operation = document.paths[VerificationApiPaths.stream]?.get;
    assert.ok(operation !== undefined);
    assert.deepEqual(Object.keys(operation.responses).sort(), ['200', '400', '401', '403', '500']);
    assert.deepEqual(operation.security, [{ bearer: [] }]);
    assert.deepEqual(operation['x-access'], { public: false, roles: ['auditor'], ownNmiOnly: false });
  });
});
