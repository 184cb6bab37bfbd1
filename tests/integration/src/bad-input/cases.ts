import { randomBytes, randomUUID } from 'node:crypto';
import type { ReadingRejectionReason } from '@metrochain/contracts';
import { MAX_INGEST_BATCH, MAX_SIGNED_DATA_LENGTH } from '@metrochain/contracts';
import { signData } from '@metrochain/pki';
import { newMeter } from '../support/meters';
import {
  BAD_KEYS,
  CUSTOMER,
  FE_CIPHERTEXT_OFF_GROUP,
  FE_KEY_NOT_SCALARS,
  type Fixtures,
  LAST_RECORDED_SEQ,
  UNICODE_IDS,
  UTILITY,
  deeplyNested,
  deeplyNestedObject,
  reading,
  readingJson,
} from './fixtures';
import { type Body, type Service, send } from './http';
import type { Watch } from './probes';

/**
 * The bad-input corpus: every write route of the five services and the topic an attacker with Kafka access could
 * write to, each with inputs that must be refused with their code, write nothing, and never answer 5xx.
 *
 * An HTTP case expects its 4xx and code; an ingest case whose input is well-formed but false (a bad signature, a
 * replay, a revoked meter) expects 202 and then the pipeline's rejection with its reason, as meters see it on
 * GET /readings/:id. A topic case expects the record dead-lettered with its reason (undecodable, against the
 * schema) or rejected by the pipeline; in every case the `watch`ed state reads the same afterwards.
 */
export interface HttpTarget {
  service: Service;
  method: 'POST' | 'PUT';
  /** As the OpenAPI document names it. */
  route: string;
}

export interface TopicTarget {
  topic: 'readings.received.v1';
}

export interface HttpInput {
  path: string;
  body?: Body;
}

export interface TopicInput {
  key: string | null;
  value: string | null;
}

export type HttpExpectation =
  Readonly<{ status: number; code: string }> | Readonly<{ status: 202; rejected: ReadingRejectionReason }>;

export type TopicExpectation =
  | Readonly<{ deadLetter: 'EVENT_JSON_INVALID' | 'EVENT_SCHEMA_INVALID' }>
  | Readonly<{ rejected: ReadingRejectionReason }>;

export interface HttpCase {
  name: string;
  target: HttpTarget;
  /** A principal of network.json; anonymous when absent. */
  caller?: string;
  input: (fx: Fixtures) => HttpInput | Promise<HttpInput>;
  expect: HttpExpectation;
  watch: (fx: Fixtures) => Watch[];
}

export interface TopicCase {
  name: string;
  target: TopicTarget;
  input: (fx: Fixtures) => TopicInput;
  expect: TopicExpectation;
  watch: (fx: Fixtures) => Watch[];
}

export type BadInputCase = HttpCase | TopicCase;

const invalid = { status: 400, code: 'REQUEST_INVALID' } as const;
const json = (value: unknown): Body => ({ json: value });
const id = encodeURIComponent;
const fresh = (prefix: string): string => `${prefix}-${randomUUID()}`;
const nonce = (): string => randomBytes(32).toString('base64url');

// ---- every write route: the refusals any route owes -------------------------------------------------------------

interface Route {
  target: HttpTarget;
  caller?: string;
  /** A principal whose role may not call the route. */
  forbidden?: string;
  path: (fx: Fixtures) => string;
  watch: (fx: Fixtures) => Watch[];
}

/** Rows of a table of cases, typed as tuples so that each column keeps its type. */
const rows = <Row extends readonly unknown[]>(items: Row[]): Row[] => items;

const post = (service: Service, route: string): HttpTarget => ({ service, method: 'POST', route });

const ROUTES: Route[] = [
  {
    target: post('measurement', '/readings'),
    path: () => '/readings',
    watch: (fx) => [{ kind: 'meter-progress', meterId: fx.meter.id }],
  },
  {
    target: post('measurement', '/readings/batch'),
    path: () => '/readings/batch',
    watch: (fx) => [{ kind: 'meter-progress', meterId: fx.meter.id }],
  },
  {
    target: post('registration', '/meters/registrations'),
    caller: 'acme-meters',
    forbidden: 'operator-ptb',
    path: () => '/meters/registrations',
    watch: () => [{ kind: 'held-registrations' }],
  },
  {
    target: post('registration', '/meters/registrations/{challengeId}/response'),
    caller: 'acme-meters',
    forbidden: 'customer-0001',
    path: () => `/meters/registrations/${nonce()}/response`,
    watch: () => [{ kind: 'held-registrations' }],
  },
  {
    target: post('registration', '/meters/{meterId}/revocation'),
    caller: 'operator-ptb',
    forbidden: 'acme-meters',
    path: (fx) => `/meters/${fx.meter.id}/revocation`,
    watch: (fx) => [{ kind: 'registry', meterId: fx.meter.id }],
  },
  {
    target: post('registration', '/meters/{meterId}/rotations'),
    caller: 'operator-ptb',
    forbidden: 'acme-meters',
    path: (fx) => `/meters/${fx.meter.id}/rotations`,
    watch: (fx) => [{ kind: 'registry', meterId: fx.meter.id }],
  },
  {
    target: post('registration', '/meters/rotations/{rotationId}/response'),
    caller: 'operator-ptb',
    forbidden: 'stadtwerke-nord',
    path: () => `/meters/rotations/${nonce()}/response`,
    watch: (fx) => [{ kind: 'registry', meterId: fx.meter.id }],
  },
  {
    target: post('registration', '/models'),
    caller: 'operator-ptb',
    forbidden: 'acme-meters',
    path: () => '/models',
    watch: () => [{ kind: 'model', model: 'BAD-INPUT-1' }],
  },
  {
    target: post('registration', '/meters/registrations/{registrationId}/rejection'),
    caller: 'operator-ptb',
    forbidden: 'acme-meters',
    path: () => `/meters/registrations/${nonce()}/rejection`,
    watch: () => [{ kind: 'held-registrations' }],
  },
  {
    target: { service: 'registration', method: 'PUT', route: '/attestation-policies/{manufacturer}' },
    caller: 'operator-ptb',
    forbidden: 'acme-meters',
    path: () => '/attestation-policies/acme-meters',
    watch: () => [{ kind: 'attestation-policy', manufacturer: 'acme-meters' }],
  },
  { target: post('verification', '/verifications'), path: () => '/verifications', watch: () => [] },
  {
    target: post('verification', '/verifications/batch'),
    path: () => '/verifications/batch',
    watch: () => [],
  },
  {
    target: post('billing', '/tariffs'),
    caller: 'operator-ptb',
    forbidden: UTILITY,
    path: () => '/tariffs',
    watch: (fx) => [{ kind: 'tariff', tariffId: fx.tariff.tariffId, version: 2 }],
  },
  {
    target: post('billing', '/accounts'),
    caller: UTILITY,
    forbidden: CUSTOMER,
    path: () => '/accounts',
    watch: (fx) => [{ kind: 'billing-keys', accountId: fx.accountId }],
  },
  {
    target: post('billing', '/accounts/{accountId}/keys'),
    caller: CUSTOMER,
    forbidden: UTILITY,
    path: (fx) => `/accounts/${fx.accountId}/keys`,
    watch: (fx) => [{ kind: 'billing-keys', accountId: fx.accountId }],
  },
  {
    target: post('billing', '/accounts/{accountId}/statements'),
    caller: UTILITY,
    forbidden: CUSTOMER,
    path: (fx) => `/accounts/${fx.accountId}/statements`,
    watch: (fx) => [{ kind: 'statements', accountId: fx.accountId }],
  },
  {
    target: post('audit', '/api/software-approvals'),
    caller: 'auditor-ptb',
    forbidden: 'operator-ptb',
    path: () => '/api/software-approvals',
    watch: () => [{ kind: 'software-approvals' }],
  },
  {
    target: post('audit', '/api/software-approvals/{fingerprint}/{meterKind}/withdraw'),
    caller: 'auditor-ptb',
    forbidden: 'operator-ptb',
    path: () => `/api/software-approvals/${'ab'.repeat(32)}/energy/withdraw`,
    watch: () => [{ kind: 'software-approvals' }],
  },
  {
    target: post('audit', '/api/reexecutions'),
    caller: 'auditor-ptb',
    forbidden: 'operator-ptb',
    path: () => '/api/reexecutions',
    watch: () => [{ kind: 'reexecutions' }],
  },
  {
    target: post('audit', '/api/verification-log/checks'),
    caller: 'auditor-ptb',
    forbidden: 'operator-ptb',
    path: () => '/api/verification-log/checks',
    watch: () => [],
  },
  {
    target: post('audit', '/api/public/receipts/check'),
    path: () => '/api/public/receipts/check',
    watch: () => [],
  },
  { target: post('audit', '/api/session'), path: () => '/api/session', watch: () => [] },
  { target: post('audit', '/v1/traces'), path: () => '/v1/traces', watch: () => [] },
];

/** Larger than every route's body limit (the largest, ingest batches and trace exports, is 4 MiB). */
const OVERSIZED_BYTES = 5 * 1024 * 1024;

const BATTERY: [string, Body, HttpExpectation][] = [
  ['malformed JSON', { raw: '{"meterId": "m-1", "seq": ' }, invalid],
  ['an empty JSON body', { raw: '' }, invalid],
  ['a raw NUL byte inside a JSON string', { raw: '{"a":"x\u0000y"}' }, invalid],
  ['a prototype-poisoning __proto__ key', { raw: '{"__proto__":{"isAdmin":true}}' }, invalid],
  [
    'a body of a media type no route takes (text/csv)',
    { raw: 'meter,seq\nm-1,1', contentType: 'text/csv' },
    {
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
  ],
  ['an oversized body (5 MiB)', { bytes: OVERSIZED_BYTES }, { status: 413, code: 'PAYLOAD_TOO_LARGE' }],
  ['deeply nested JSON (1,000 arrays)', { raw: deeplyNested(1000) }, invalid],
  ['deeply nested JSON (1,000 objects)', { raw: deeplyNestedObject(1000) }, invalid],
  ['a JSON string instead of an object', json('just a string'), invalid],
  ['JSON null', { raw: 'null' }, invalid],
  // Fastify reads text/plain as a string, which no route's schema takes.
  ['text/plain', { raw: 'meter-1 7', contentType: 'text/plain' }, invalid],
  ['a huge number (1e309) as the body', { raw: '1e309' }, invalid],
];

function batteryOf(route: Route): HttpCase[] {
  const named = `${route.target.method} ${route.target.route}`;
  const cases: HttpCase[] = BATTERY.map(([what, body, expect]) => ({
    name: `${named}: ${what}`,
    target: route.target,
    ...(route.caller === undefined ? {} : { caller: route.caller }),
    input: (fx) => ({ path: route.path(fx), body }),
    expect,
    watch: route.watch,
  }));
  if (route.caller !== undefined) {
    cases.push({
      name: `${named}: no token`,
      target: route.target,
      input: (fx) => ({ path: route.path(fx), body: json({}) }),
      expect: { status: 401, code: 'UNAUTHENTICATED' },
      watch: route.watch,
    });
  }
  if (route.forbidden !== undefined) {
    cases.push({
      name: `${named}: a principal whose role may not call it (${route.forbidden})`,
      target: route.target,
      caller: route.forbidden,
      input: (fx) => ({ path: route.path(fx), body: json({}) }),
      expect: { status: 403, code: 'ACCESS_FORBIDDEN' },
      watch: route.watch,
    });
  }
  return cases;
}

// ---- measurement: readings --------------------------------------------------------------------------------------

const INGEST = post('measurement', '/readings');
const INGEST_BATCH = post('measurement', '/readings/batch');
const progressOf = (fx: Fixtures): Watch[] => [{ kind: 'meter-progress', meterId: fx.meter.id }];

function ingestCase(
  name: string,
  body: (fx: Fixtures) => unknown,
  expect: HttpExpectation = invalid,
  watch: (fx: Fixtures) => Watch[] = progressOf,
): HttpCase {
  return {
    name: `POST /readings: ${name}`,
    target: INGEST,
    input: (fx) => ({ path: '/readings', body: json(body(fx)) }),
    expect,
    watch,
  };
}

/** A reading with one field replaced after signing (the schema refuses it before any signature is checked). */
function broken(field: string, value: unknown): (fx: Fixtures) => unknown {
  return (fx) => ({ ...readingJson(fx.meter, fx.nextSeq()), [field]: value });
}

const rejectedAs = (reason: ReadingRejectionReason): HttpExpectation => ({ status: 202, rejected: reason });
const VOLTAGE = [230, 231, 229, 230];

const INGEST_CASES: HttpCase[] = [
  ingestCase('seq 1e309', broken('seq', Number.POSITIVE_INFINITY)),
  ingestCase('seq 2^64', broken('seq', 2 ** 64)),
  ingestCase('seq 2^53 (beyond the safe integers)', broken('seq', 2 ** 53)),
  {
    ...ingestCase('seq as a 400-digit number', () => undefined),
    input: (fx) => ({
      path: '/readings',
      body: {
        raw: JSON.stringify(readingJson(fx.meter, 1)).replace(/"seq":\d+/, `"seq":${'9'.repeat(400)}`),
      },
    }),
  },
  ingestCase('seq negative', broken('seq', -1)),
  ingestCase('seq fractional', broken('seq', 1.5)),
  ingestCase('seq as a string', broken('seq', '12')),
  ingestCase('seq null', broken('seq', null)),
  ingestCase('meterId a number', broken('meterId', 42)),
  ingestCase('kind unknown', broken('kind', 'nuclear')),
  ingestCase('payload an array', broken('payload', [1, 2, 3])),
  ingestCase('signature not base64', broken('signature', 'not base64!')),
  ingestCase('signature a number', broken('signature', 12345678)),
  // The schema bounds no signature length: base64 of any size goes on, and verification finds no DER in it.
  ingestCase(
    'signature 10 KiB of base64',
    broken('signature', 'A'.repeat(10_240)),
    rejectedAs('SIGNATURE_MALFORMED'),
  ),
  ingestCase('measuredAt without an offset', broken('measuredAt', '2026-01-01T00:00:00')),
  ingestCase('measuredAt on a day that does not exist', broken('measuredAt', '2026-02-30T00:00:00Z')),
  ingestCase('measuredAt as epoch milliseconds', broken('measuredAt', 1_767_225_600_000)),
  ingestCase('measuredAt in year 275760+ (past Date range)', broken('measuredAt', '+275761-01-01T00:00:00Z')),
  ingestCase('an unknown field', (fx) => ({ ...readingJson(fx.meter, fx.nextSeq()), tariff: 'free' })),
  ingestCase('a field missing', (fx) => {
    const unsigned = readingJson(fx.meter, fx.nextSeq());
    delete unsigned['signature'];
    return unsigned;
  }),
  ...Object.entries(UNICODE_IDS).map(([what, spoil]) =>
    ingestCase(`meterId with ${what}`, (fx) =>
      reading(fx.meter, fx.nextSeq(), { meterId: spoil(fx.meter.id) }),
    ),
  ),
  ingestCase('a lone surrogate in meterId', (fx) =>
    reading(fx.meter, fx.nextSeq(), { meterId: `${fx.meter.id}\ud800` }),
  ),
  ingestCase('meterId of 129 characters', (fx) =>
    reading(fx.meter, fx.nextSeq(), { meterId: `m${'x'.repeat(128)}` }),
  ),
  ingestCase('payload with a sample of 1e309', (fx) => ({
    ...reading(fx.meter, fx.nextSeq()),
    payload: { sampleRateHz: 1000, voltageV: VOLTAGE, currentA: [Number.POSITIVE_INFINITY, 5, 5, 5] },
  })),
  {
    ...ingestCase('payload nested 100,000 arrays deep', () => undefined),
    input: (fx) => ({
      path: '/readings',
      body: {
        raw: JSON.stringify(reading(fx.meter, fx.nextSeq())).replace(
          '"payload":{',
          `"payload":{"deep":${deeplyNested(100_000)},`,
        ),
      },
    }),
  },
  {
    ...ingestCase('payload nested 40,000 objects deep', () => undefined),
    input: (fx) => ({
      path: '/readings',
      body: {
        raw: JSON.stringify(reading(fx.meter, fx.nextSeq())).replace(
          '"payload":{',
          `"payload":{"deep":${deeplyNestedObject(40_000)},`,
        ),
      },
    }),
  },
  ingestCase('payload nested 17 levels (one past the limit)', (fx) => {
    let deep: unknown = 1;
    for (let level = 0; level < 17; level += 1) {
      deep = [deep];
    }
    return reading(fx.meter, fx.nextSeq(), { payload: { deep } });
  }),
  // Well-formed, so accepted (202) and handed to verification, which rejects them; nothing reaches the ledger.
  ingestCase(
    'a bad signature (payload changed after signing)',
    (fx) => ({
      ...reading(fx.meter, fx.nextSeq()),
      payload: { sampleRateHz: 1000, voltageV: VOLTAGE, currentA: [9, 9, 9, 9] },
    }),
    rejectedAs('SIGNATURE_INVALID'),
  ),
  ingestCase(
    'a signature by another meter’s key',
    (fx) => {
      const signed = reading(newMeter('bad-input-other-key'), fx.nextSeq(), {});
      return { ...reading(fx.meter, signed.seq), signature: signed.signature };
    },
    rejectedAs('SIGNATURE_INVALID'),
  ),
  ingestCase(
    'a signature that is base64 but not DER',
    (fx) => ({ ...reading(fx.meter, fx.nextSeq()), signature: 'AAAAAAAA' }),
    rejectedAs('SIGNATURE_MALFORMED'),
  ),
  ingestCase(
    'a replay: seq 2 again with other content',
    (fx) =>
      reading(fx.meter, 2, { payload: { sampleRateHz: 1000, voltageV: VOLTAGE, currentA: [1, 1, 1, 1] } }),
    rejectedAs('SEQ_REPLAYED'),
  ),
  ingestCase(
    `an out-of-order seq (below ${String(LAST_RECORDED_SEQ)}, never recorded)`,
    (fx) => reading(fx.meter, 5),
    rejectedAs('SEQ_OUT_OF_ORDER'),
  ),
  ingestCase(
    'a revoked meter',
    (fx) => reading(fx.revoked, fx.nextSeq()),
    rejectedAs('METER_REVOKED'),
    (fx) => [{ kind: 'meter-progress', meterId: fx.revoked.id }],
  ),
  ingestCase(
    'an unknown meter',
    (fx) => reading(fx.stranger, 1),
    rejectedAs('METER_UNKNOWN'),
    (fx) => [{ kind: 'meter-progress', meterId: fx.stranger.id }],
  ),
  ingestCase(
    'a meter not yet active (one attestation of two)',
    (fx) => reading(fx.pending, 1),
    rejectedAs('METER_NOT_ACTIVE'),
    (fx) => [{ kind: 'meter-progress', meterId: fx.pending.id }],
  ),
  ingestCase(
    'measuredAt far in the future (9999)',
    (fx) => reading(fx.meter, fx.nextSeq(), { measuredAt: '9999-12-31T23:59:59Z' }),
    rejectedAs('TIMESTAMP_IN_FUTURE'),
  ),
  ingestCase(
    'measuredAt an hour ahead',
    (fx) => reading(fx.meter, fx.nextSeq(), { measuredAt: new Date(Date.now() + 3_600_000).toISOString() }),
    rejectedAs('TIMESTAMP_IN_FUTURE'),
  ),
  ingestCase(
    'measuredAt far in the past (year 0001, before the meter was active)',
    (fx) => reading(fx.meter, fx.nextSeq(), { measuredAt: '0001-01-01T00:00:00Z' }),
    rejectedAs('METER_NOT_ACTIVE'),
  ),
  ingestCase(
    'measuredAt 1970',
    (fx) => reading(fx.meter, fx.nextSeq(), { measuredAt: '1970-01-01T00:00:00Z' }),
    rejectedAs('METER_NOT_ACTIVE'),
  ),
  ingestCase(
    'an FE ciphertext that is no ristretto255 point',
    (fx) =>
      reading(fx.meter, fx.nextSeq(), {
        kind: 'energy-fe',
        payload: { day: '2026-01-05', slot: 7, ciphertext: FE_CIPHERTEXT_OFF_GROUP },
      }),
    rejectedAs('PAYLOAD_INVALID'),
  ),
  ingestCase(
    'an FE ciphertext of 31 bytes',
    (fx) =>
      reading(fx.meter, fx.nextSeq(), {
        kind: 'energy-fe',
        payload: { day: '2026-01-05', slot: 8, ciphertext: randomBytes(31).toString('base64') },
      }),
    rejectedAs('PAYLOAD_INVALID'),
  ),
  ingestCase(
    'an FE reading of slot 96 (a day has 96, from 0)',
    (fx) =>
      reading(fx.meter, fx.nextSeq(), {
        kind: 'energy-fe',
        payload: { day: '2026-01-05', slot: 96, ciphertext: FE_CIPHERTEXT_OFF_GROUP },
      }),
    rejectedAs('PAYLOAD_INVALID'),
  ),
  ingestCase(
    'an FE reading of 30 February',
    (fx) =>
      reading(fx.meter, fx.nextSeq(), {
        kind: 'energy-fe',
        payload: { day: '2026-02-30', slot: 1, ciphertext: FE_CIPHERTEXT_OFF_GROUP },
      }),
    rejectedAs('PAYLOAD_INVALID'),
  ),
  ingestCase(
    'energy samples as strings',
    (fx) =>
      reading(fx.meter, fx.nextSeq(), {
        payload: { sampleRateHz: 1000, voltageV: ['230', '231'], currentA: ['5', '5'] },
      }),
    rejectedAs('PAYLOAD_INVALID'),
  ),
];

const BATCH_CASES: HttpCase[] = rows<[string, (fx: Fixtures) => unknown, HttpExpectation]>([
  ['no readings', () => ({ readings: [] }), invalid],
  ['readings not an array', (fx: Fixtures) => ({ readings: reading(fx.meter, fx.nextSeq()) }), invalid],
  [
    `${String(MAX_INGEST_BATCH + 1)} readings`,
    (fx: Fixtures) => ({
      readings: Array.from({ length: MAX_INGEST_BATCH + 1 }, () => reading(fx.meter, fx.nextSeq())),
    }),
    { status: 400, code: 'BATCH_TOO_LARGE' },
  ],
  [
    'one malformed reading between good ones (none is accepted)',
    (fx: Fixtures) => ({
      readings: [
        reading(fx.meter, fx.nextSeq()),
        { ...readingJson(fx.meter, fx.nextSeq()), seq: -1 },
        reading(fx.meter, fx.nextSeq()),
      ],
    }),
    invalid,
  ],
  [
    'an unknown field beside readings',
    (fx: Fixtures) => ({ readings: [reading(fx.meter, fx.nextSeq())], priority: 'high' }),
    invalid,
  ],
]).map(([what, body, expect]): HttpCase => ({
  name: `POST /readings/batch: ${what}`,
  target: INGEST_BATCH,
  input: (fx: Fixtures) => ({ path: '/readings/batch', body: json(body(fx)) }),
  expect,
  watch: progressOf,
}));

BATCH_CASES.push({
  name: 'POST /readings/batch: a reading with a payload nested 50,000 deep after a good one (none is accepted)',
  target: INGEST_BATCH,
  input: (fx) => {
    const good = JSON.stringify(reading(fx.meter, fx.nextSeq()));
    const deep = JSON.stringify(reading(fx.meter, fx.nextSeq())).replace(
      '"payload":{',
      `"payload":{"deep":${deeplyNestedObject(50_000)},`,
    );
    return { path: '/readings/batch', body: { raw: `{"readings":[${good},${deep}]}` } };
  },
  expect: invalid,
  watch: progressOf,
});

// ---- registration -------------------------------------------------------------------------------------------------

const REGISTER = post('registration', '/meters/registrations');

function registerCase(name: string, body: (meterId: string) => unknown, expect: HttpExpectation): HttpCase {
  const meterId = fresh('bad-input-reg');
  return {
    name: `POST /meters/registrations: ${name}`,
    target: REGISTER,
    caller: 'acme-meters',
    input: () => ({ path: '/meters/registrations', body: json(body(meterId)) }),
    expect,
    watch: () => [{ kind: 'registry', meterId }, { kind: 'held-registrations' }],
  };
}

const keyInvalid = { status: 422, code: 'KEY_INVALID' } as const;
const withKey = (publicKeyPem: string) => (meterId: string) => ({ meterId, model: 'LOOP-2', publicKeyPem });

const REGISTRATION_CASES: HttpCase[] = [
  registerCase('a P-384 key', (meterId) => withKey(BAD_KEYS.p384())(meterId), keyInvalid),
  registerCase('a secp256k1 key', (meterId) => withKey(BAD_KEYS.secp256k1())(meterId), keyInvalid),
  registerCase('an Ed25519 key', (meterId) => withKey(BAD_KEYS.ed25519())(meterId), keyInvalid),
  registerCase('an RSA key', (meterId) => withKey(BAD_KEYS.rsa())(meterId), keyInvalid),
  registerCase('a P-256 point off the curve', (meterId) => withKey(BAD_KEYS.offCurve())(meterId), keyInvalid),
  registerCase('the P-256 point (0, 0)', (meterId) => withKey(BAD_KEYS.zeroPoint())(meterId), keyInvalid),
  registerCase(
    'a compressed point whose x has no y',
    (meterId) => withKey(BAD_KEYS.compressedOffCurve())(meterId),
    keyInvalid,
  ),
  registerCase(
    'a key with a byte after its SPKI',
    (meterId) => withKey(BAD_KEYS.trailingByte())(meterId),
    keyInvalid,
  ),
  registerCase('a key that is not PEM', (meterId) => withKey(BAD_KEYS.notPem())(meterId), keyInvalid),
  registerCase(
    'a model not approved',
    (meterId) => ({ ...withKey(newMeter().publicPem)(meterId), model: `NOPE-${randomUUID()}` }),
    {
      status: 422,
      code: 'MODEL_NOT_APPROVED',
    },
  ),
  ...Object.entries(UNICODE_IDS).map(([what, spoil]) =>
    registerCase(
      `meterId with ${what}`,
      (meterId) => ({ meterId: spoil(meterId), model: 'LOOP-2', publicKeyPem: BAD_KEYS.p384() }),
      invalid,
    ),
  ),
  registerCase(
    'model with a control character',
    (meterId) => ({ meterId, model: 'LOOP\u0007-2', publicKeyPem: BAD_KEYS.p384() }),
    invalid,
  ),
  registerCase(
    'meterId a number',
    () => ({ meterId: 12, model: 'LOOP-2', publicKeyPem: BAD_KEYS.p384() }),
    invalid,
  ),
  registerCase(
    'an unknown field',
    (meterId) => ({ meterId, model: 'LOOP-2', publicKeyPem: BAD_KEYS.p384(), active: true }),
    invalid,
  ),
  {
    name: 'POST /meters/registrations/{challengeId}/response: a signature by another key over a real challenge',
    target: post('registration', '/meters/registrations/{challengeId}/response'),
    caller: 'acme-meters',
    input: async (fx) => {
      const meter = newMeter('bad-input-reg-pop');
      const issued = await send(
        'registration',
        'POST',
        '/meters/registrations',
        json({ meterId: meter.id, model: 'LOOP-2', publicKeyPem: meter.publicPem }),
        'acme-meters',
      );
      const challenge = issued.json as { registrationId: string; statement: string };
      return {
        path: `/meters/registrations/${challenge.registrationId}/response`,
        body: json({ signature: signData(fx.stranger.privatePem, challenge.statement) }),
      };
    },
    expect: { status: 422, code: 'SIGNATURE_INVALID' },
    watch: () => [{ kind: 'held-registrations' }],
  },
  ...rows<[string, () => string, unknown, HttpExpectation]>([
    [
      'an unknown challenge',
      () => nonce(),
      { signature: signData(newMeter().privatePem, 'corpus') },
      { status: 410, code: 'CHALLENGE_UNKNOWN' },
    ],
    [
      'a challenge id with a zero-width space',
      () => `${nonce().slice(0, 42)}\u200b`,
      { signature: signData(newMeter().privatePem, 'corpus') },
      // A malformed id is an unknown one: the service does not tell them apart.
      { status: 410, code: 'CHALLENGE_UNKNOWN' },
    ],
    ['a signature of 300 base64 characters', () => nonce(), { signature: 'A'.repeat(300) }, invalid],
    ['a signature that is not base64', () => nonce(), { signature: '***' }, invalid],
  ]).map(([what, challenge, body, expect]): HttpCase => ({
    name: `POST /meters/registrations/{challengeId}/response: ${what}`,
    target: post('registration', '/meters/registrations/{challengeId}/response'),
    caller: 'acme-meters',
    input: () => ({
      path: `/meters/registrations/${id(challenge())}/response`,
      body: json(body),
    }),
    expect,
    watch: (): Watch[] => [{ kind: 'held-registrations' }],
  })),
  ...rows<[string, (fx: Fixtures) => string, unknown, HttpExpectation]>([
    [
      'an unknown meter',
      (fx: Fixtures) => fx.stranger.id,
      { reason: 'corpus' },
      { status: 404, code: 'METER_UNKNOWN' },
    ],
    [
      'a meter revoked already',
      (fx: Fixtures) => fx.revoked.id,
      { reason: 'corpus' },
      { status: 409, code: 'METER_REVOKED' },
    ],
    ['an empty reason', (fx: Fixtures) => fx.meter.id, { reason: '' }, invalid],
    ['a reason of 1,001 characters', (fx: Fixtures) => fx.meter.id, { reason: 'r'.repeat(1001) }, invalid],
    [
      'effectiveAt on 30 February',
      (fx: Fixtures) => fx.meter.id,
      { reason: 'corpus', effectiveAt: '2026-02-30T00:00:00Z' },
      invalid,
    ],
    [
      'effectiveAt in 1970 (backdated past the 24 h allowed)',
      (fx: Fixtures) => fx.meter.id,
      { reason: 'corpus', effectiveAt: '1970-01-01T00:00:00Z' },
      { status: 422, code: 'INVALID_ARGUMENT' },
    ],
    ['reason a number', (fx: Fixtures) => fx.meter.id, { reason: 7 }, invalid],
    [
      'a meter id with a right-to-left mark',
      (fx: Fixtures) => UNICODE_IDS.rtlMark(fx.meter.id),
      { reason: 'corpus' },
      invalid,
    ],
    ['a meter id with NUL', (fx: Fixtures) => UNICODE_IDS.nul(fx.meter.id), { reason: 'corpus' }, invalid],
    [
      'a meter id with a homoglyph',
      (fx: Fixtures) => UNICODE_IDS.homoglyph(fx.meter.id),
      { reason: 'corpus' },
      invalid,
    ],
  ]).map(([what, meterId, body, expect]): HttpCase => ({
    name: `POST /meters/{meterId}/revocation: ${what}`,
    target: post('registration', '/meters/{meterId}/revocation'),
    caller: 'operator-ptb',
    input: (fx: Fixtures) => ({
      path: `/meters/${id(meterId(fx))}/revocation`,
      body: json(body),
    }),
    expect,
    watch: (fx: Fixtures): Watch[] => [
      { kind: 'registry', meterId: fx.meter.id },
      { kind: 'registry', meterId: fx.revoked.id },
    ],
  })),
  ...rows<[string, (fx: Fixtures) => string, (fx: Fixtures) => string, HttpExpectation]>([
    ['a P-384 key', (fx: Fixtures) => fx.meter.id, () => BAD_KEYS.p384(), keyInvalid],
    ['a secp256k1 key', (fx: Fixtures) => fx.meter.id, () => BAD_KEYS.secp256k1(), keyInvalid],
    ['a point off the curve', (fx: Fixtures) => fx.meter.id, () => BAD_KEYS.offCurve(), keyInvalid],
    [
      'the meter’s own key again',
      (fx: Fixtures) => fx.meter.id,
      (fx: Fixtures) => fx.meter.publicPem,
      { status: 409, code: 'KEY_REUSED' },
    ],
    [
      'a revoked meter',
      (fx: Fixtures) => fx.revoked.id,
      () => newMeter().publicPem,
      { status: 409, code: 'METER_REVOKED' },
    ],
    [
      'a meter not yet active',
      (fx: Fixtures) => fx.pending.id,
      () => newMeter().publicPem,
      { status: 409, code: 'METER_NOT_ACTIVE' },
    ],
    [
      'an unknown meter',
      (fx: Fixtures) => fx.stranger.id,
      () => newMeter().publicPem,
      { status: 404, code: 'METER_UNKNOWN' },
    ],
  ]).map(([what, meterId, key, expect]): HttpCase => ({
    name: `POST /meters/{meterId}/rotations: ${what}`,
    target: post('registration', '/meters/{meterId}/rotations'),
    caller: 'operator-ptb',
    input: (fx: Fixtures) => ({
      path: `/meters/${id(meterId(fx))}/rotations`,
      body: json({ newPublicKeyPem: key(fx) }),
    }),
    expect,
    watch: (fx: Fixtures): Watch[] => [
      { kind: 'registry', meterId: fx.meter.id },
      { kind: 'registry', meterId: fx.revoked.id },
      { kind: 'registry', meterId: fx.pending.id },
    ],
  })),
  {
    name: 'POST /meters/rotations/{rotationId}/response: an unknown rotation',
    target: post('registration', '/meters/rotations/{rotationId}/response'),
    caller: 'operator-ptb',
    input: () => ({
      path: `/meters/rotations/${nonce()}/response`,
      body: json({
        oldKeySignature: signData(newMeter().privatePem, 'corpus'),
        newKeySignature: signData(newMeter().privatePem, 'corpus'),
      }),
    }),
    expect: { status: 410, code: 'CHALLENGE_UNKNOWN' },
    watch: (fx) => [{ kind: 'registry', meterId: fx.meter.id }],
  },
  ...rows<[string, unknown]>([
    ['a manufacturer in capitals', { model: 'BAD-INPUT-1', manufacturer: 'ACME-METERS' }],
    ['a model with a NUL', { model: 'BAD-INPUT-1\u0000', manufacturer: 'acme-meters' }],
    ['a model of 129 characters', { model: 'M'.repeat(129), manufacturer: 'acme-meters' }],
  ]).map(([what, body]): HttpCase => ({
    name: `POST /models: ${what}`,
    target: post('registration', '/models'),
    caller: 'operator-ptb',
    input: () => ({ path: '/models', body: json(body) }),
    expect: invalid,
    watch: (): Watch[] => [{ kind: 'model', model: 'BAD-INPUT-1' }],
  })),
  ...rows<[string, string, unknown, HttpExpectation]>([
    [
      'an unknown held registration',
      `/meters/registrations/${nonce()}/approval`,
      undefined,
      { status: 404, code: 'REGISTRATION_NOT_HELD' },
    ],
    [
      'a registration id with emoji',
      `/meters/registrations/${id('\u{1f4a5}'.repeat(10))}/approval`,
      undefined,
      // A malformed id is one that is not held, as an unknown one (the service does not tell them apart).
      { status: 404, code: 'REGISTRATION_NOT_HELD' },
    ],
    [
      'a rejection with an empty reason',
      `/meters/registrations/${nonce()}/rejection`,
      { reason: '' },
      invalid,
    ],
    ['a policy mode that does not exist', '/attestation-policies/acme-meters', { mode: 'everyone' }, invalid],
    [
      'a policy for a manufacturer id with a zero-width space',
      `/attestation-policies/${id('acme\u200b-meters')}`,
      { mode: 'auto' },
      invalid,
    ],
  ]).map(([what, path, body, expect]): HttpCase => ({
    name: `${path.startsWith('/attestation') ? 'PUT /attestation-policies/{manufacturer}' : 'POST /meters/registrations/{registrationId}/…'}: ${what}`,
    target: path.startsWith('/attestation')
      ? {
          service: 'registration',
          method: 'PUT',
          route: '/attestation-policies/{manufacturer}',
        }
      : post(
          'registration',
          `/meters/registrations/{registrationId}/${path.endsWith('rejection') ? 'rejection' : 'approval'}`,
        ),
    caller: 'operator-ptb',
    input: () => ({ path, ...(body === undefined ? {} : { body: json(body) }) }),
    expect,
    watch: (): Watch[] => [
      { kind: 'held-registrations' },
      { kind: 'attestation-policy', manufacturer: 'acme-meters' },
    ],
  })),
];

// ---- verification ---------------------------------------------------------------------------------------------------

const check = (fx: Fixtures, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  meterId: fx.meter.id,
  data: 'hello',
  signature: signData(fx.meter.privatePem, 'hello'),
  ...overrides,
});

const VERIFICATION_CASES: HttpCase[] = rows<[string, (fx: Fixtures) => unknown]>([
  [
    'data one character over the limit',
    (fx: Fixtures) => check(fx, { data: 'd'.repeat(MAX_SIGNED_DATA_LENGTH + 1) }),
  ],
  ['data a number', (fx: Fixtures) => check(fx, { data: 12 })],
  ['a signature that is not base64', (fx: Fixtures) => check(fx, { signature: '%%%%' })],
  ['measuredAt on 31 April', (fx: Fixtures) => check(fx, { measuredAt: '2026-04-31T00:00:00Z' })],
  [
    'a meter id with a right-to-left override',
    (fx: Fixtures) => check(fx, { meterId: UNICODE_IDS.rtlOverride(fx.meter.id) }),
  ],
  ['a meter id with emoji', (fx: Fixtures) => check(fx, { meterId: UNICODE_IDS.emoji(fx.meter.id) })],
  ['an unknown field', (fx: Fixtures) => check(fx, { trusted: true })],
])
  .map(([what, body]): HttpCase => ({
    name: `POST /verifications: ${what}`,
    target: post('verification', '/verifications'),
    input: (fx: Fixtures) => ({
      path: '/verifications',
      body: json(body(fx)),
    }),
    expect: invalid,
    watch: (): Watch[] => [],
  }))
  .concat(
    rows<[string, (fx: Fixtures) => unknown]>([
      ['no checks', () => ({ checks: [] })],
      ['1,001 checks', (fx: Fixtures) => ({ checks: Array.from({ length: 1001 }, () => check(fx)) })],
      ['one bad check among good ones', (fx: Fixtures) => ({ checks: [check(fx), check(fx, { seq: 1 })] })],
    ]).map(([what, body]): HttpCase => ({
      name: `POST /verifications/batch: ${what}`,
      target: post('verification', '/verifications/batch'),
      input: (fx: Fixtures) => ({
        path: '/verifications/batch',
        body: json(body(fx)),
      }),
      expect: invalid,
      watch: (): Watch[] => [],
    })),
  );

// ---- billing ---------------------------------------------------------------------------------------------------------

const BANDS = Array.from({ length: 96 }, (_, slot) => (slot < 48 ? 0 : 1));
const tariffBody = (fx: Fixtures, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  tariffId: fx.tariff.tariffId,
  version: 2,
  currency: 'EUR',
  bands: BANDS,
  pricesMinorPerKWh: [20, 30],
  ...overrides,
});
const keyBody = (fx: Fixtures, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  tariffId: fx.tariff.tariffId,
  tariffVersion: fx.tariff.version,
  validFrom: '2026-01',
  functionalKey: Buffer.alloc(64, 3).toString('base64'),
  ...overrides,
});

type BillingRow = [
  string,
  string,
  string,
  (fx: Fixtures) => string,
  (fx: Fixtures) => unknown,
  HttpExpectation,
];

const BILLING_ROWS: BillingRow[] = [
  [
    '/tariffs',
    'bands of 95 slots',
    'operator-ptb',
    () => '/tariffs',
    (fx) => tariffBody(fx, { bands: BANDS.slice(1) }),
    invalid,
  ],
  [
    '/tariffs',
    'a band index of 8',
    'operator-ptb',
    () => '/tariffs',
    (fx) => tariffBody(fx, { bands: BANDS.map((b) => (b === 1 ? 8 : b)) }),
    invalid,
  ],
  [
    '/tariffs',
    'a band one slot wide (singles out a slot)',
    'operator-ptb',
    () => '/tariffs',
    (fx) => tariffBody(fx, { bands: BANDS.map((_, slot) => (slot === 0 ? 1 : 0)) }),
    { status: 422, code: 'TARIFF_INVALID' },
  ],
  [
    '/tariffs',
    'a price of 1e309',
    'operator-ptb',
    () => '/tariffs',
    (fx) => tariffBody(fx, { pricesMinorPerKWh: [20, Number.POSITIVE_INFINITY] }),
    invalid,
  ],
  [
    '/tariffs',
    'a price of 2^64',
    'operator-ptb',
    () => '/tariffs',
    (fx) => tariffBody(fx, { pricesMinorPerKWh: [20, 2 ** 64] }),
    invalid,
  ],
  [
    '/tariffs',
    'a negative price',
    'operator-ptb',
    () => '/tariffs',
    (fx) => tariffBody(fx, { pricesMinorPerKWh: [20, -1] }),
    invalid,
  ],
  [
    '/tariffs',
    'a currency in lower case',
    'operator-ptb',
    () => '/tariffs',
    (fx) => tariffBody(fx, { currency: 'eur' }),
    invalid,
  ],
  [
    '/tariffs',
    'a tariff id with a homoglyph',
    'operator-ptb',
    () => '/tariffs',
    (fx) => tariffBody(fx, { tariffId: UNICODE_IDS.homoglyph(fx.tariff.tariffId) }),
    invalid,
  ],
  [
    '/tariffs',
    'version 0',
    'operator-ptb',
    () => '/tariffs',
    (fx) => tariffBody(fx, { version: 0 }),
    invalid,
  ],
  [
    '/accounts',
    'an unknown meter',
    UTILITY,
    () => '/accounts',
    (fx) => ({
      accountId: fresh('bad-input-acc'),
      customer: CUSTOMER,
      meterId: fx.stranger.id,
      billingFrom: '2026-01',
    }),
    { status: 422, code: 'METER_UNKNOWN' },
  ],
  [
    '/accounts',
    'the account id taken',
    UTILITY,
    () => '/accounts',
    (fx) => ({ accountId: fx.accountId, customer: CUSTOMER, meterId: fx.meter.id, billingFrom: '2026-01' }),
    { status: 409, code: 'ALREADY_EXISTS' },
  ],
  [
    '/accounts',
    'a meter id with a zero-width space',
    UTILITY,
    () => '/accounts',
    (fx) => ({
      accountId: fresh('bad-input-acc'),
      customer: CUSTOMER,
      meterId: UNICODE_IDS.zeroWidthSpace(fx.meter.id),
      billingFrom: '2026-01',
    }),
    invalid,
  ],
  [
    '/accounts',
    'an account id with emoji',
    UTILITY,
    () => '/accounts',
    (fx) => ({
      accountId: `acc-\u{1f4b6}`,
      customer: CUSTOMER,
      meterId: fx.meter.id,
      billingFrom: '2026-01',
    }),
    invalid,
  ],
  [
    '/accounts',
    'billingFrom month 13',
    UTILITY,
    () => '/accounts',
    (fx) => ({
      accountId: fresh('bad-input-acc'),
      customer: CUSTOMER,
      meterId: fx.meter.id,
      billingFrom: '2026-13',
    }),
    invalid,
  ],
  [
    '/accounts',
    'a customer name in capitals',
    UTILITY,
    () => '/accounts',
    (fx) => ({
      accountId: fresh('bad-input-acc'),
      customer: 'CUSTOMER-0001',
      meterId: fx.meter.id,
      billingFrom: '2026-01',
    }),
    invalid,
  ],
  [
    '/accounts/{accountId}/keys',
    'a functional key that is not two scalars below the group order',
    CUSTOMER,
    (fx) => `/accounts/${fx.accountId}/keys`,
    (fx) => keyBody(fx, { functionalKey: FE_KEY_NOT_SCALARS }),
    { status: 422, code: 'FE_KEY_INVALID' },
  ],
  [
    '/accounts/{accountId}/keys',
    'a functional key of 63 bytes',
    CUSTOMER,
    (fx) => `/accounts/${fx.accountId}/keys`,
    (fx) => keyBody(fx, { functionalKey: Buffer.alloc(63, 3).toString('base64') }),
    invalid,
  ],
  [
    '/accounts/{accountId}/keys',
    'a tariff version of 2^64',
    CUSTOMER,
    (fx) => `/accounts/${fx.accountId}/keys`,
    (fx) => keyBody(fx, { tariffVersion: 2 ** 64 }),
    invalid,
  ],
  [
    '/accounts/{accountId}/keys',
    'an unknown tariff',
    CUSTOMER,
    (fx) => `/accounts/${fx.accountId}/keys`,
    (fx) => keyBody(fx, { tariffId: fresh('nope') }),
    { status: 422, code: 'TARIFF_UNKNOWN' },
  ],
  [
    '/accounts/{accountId}/keys',
    'validTo before validFrom',
    CUSTOMER,
    (fx) => `/accounts/${fx.accountId}/keys`,
    (fx) => keyBody(fx, { validFrom: '2026-06', validTo: '2026-01' }),
    { status: 422, code: 'INVALID_ARGUMENT' },
  ],
  [
    '/accounts/{accountId}/keys',
    'another customer’s account',
    'customer-0002',
    (fx) => `/accounts/${fx.accountId}/keys`,
    (fx) => keyBody(fx),
    { status: 403, code: 'ACCOUNT_FORBIDDEN' },
  ],
  [
    '/accounts/{accountId}/keys',
    'an account id with a right-to-left mark',
    CUSTOMER,
    (fx) => `/accounts/${id(UNICODE_IDS.rtlMark(fx.accountId))}/keys`,
    (fx) => keyBody(fx),
    invalid,
  ],
  [
    '/accounts/{accountId}/statements',
    'a period that has not ended',
    UTILITY,
    (fx) => `/accounts/${fx.accountId}/statements`,
    () => ({ period: new Date().toISOString().slice(0, 7) }),
    { status: 409, code: 'PERIOD_OPEN' },
  ],
  [
    '/accounts/{accountId}/statements',
    'month 00',
    UTILITY,
    (fx) => `/accounts/${fx.accountId}/statements`,
    () => ({ period: '2026-00' }),
    invalid,
  ],
  [
    '/accounts/{accountId}/statements',
    'a period without a key',
    UTILITY,
    (fx) => `/accounts/${fx.accountId}/statements`,
    () => ({ period: '2026-01' }),
    { status: 409, code: 'KEY_NOT_ISSUED' },
  ],
  [
    '/accounts/{accountId}/statements',
    'an unknown account',
    UTILITY,
    () => `/accounts/${fresh('bad-input-acc')}/statements`,
    () => ({ period: '2026-01' }),
    { status: 404, code: 'ACCOUNT_UNKNOWN' },
  ],
];

const BILLING_CASES: HttpCase[] = BILLING_ROWS.map(([route, what, caller, path, body, expect]) => ({
  name: `POST ${route}: ${what}`,
  target: post('billing', route),
  caller,
  input: (fx) => ({ path: path(fx), body: json(body(fx)) }),
  expect,
  watch: (fx) => [
    { kind: 'tariff', tariffId: fx.tariff.tariffId, version: 2 },
    { kind: 'billing-keys', accountId: fx.accountId },
    { kind: 'statements', accountId: fx.accountId },
    { kind: 'account', accountId: fx.accountId },
  ],
}));

// ---- audit -------------------------------------------------------------------------------------------------------------

type AuditRow = [string, string, string | undefined, string, unknown, HttpExpectation];

const AUDIT_ROWS: AuditRow[] = [
  [
    '/api/reexecutions',
    'to below from',
    'auditor-ptb',
    '/api/reexecutions',
    { meterId: 'm-1', from: 10, to: 9 },
    { status: 422, code: 'REEXECUTION_RANGE_INVALID' },
  ],
  [
    '/api/reexecutions',
    'a range of 10,000,000 readings',
    'auditor-ptb',
    '/api/reexecutions',
    { meterId: 'm-1', from: 0, to: 9_999_999 },
    { status: 422, code: 'REEXECUTION_RANGE_INVALID' },
  ],
  [
    '/api/reexecutions',
    'from 1e309',
    'auditor-ptb',
    '/api/reexecutions',
    { meterId: 'm-1', from: Number.POSITIVE_INFINITY, to: 1 },
    invalid,
  ],
  [
    '/api/reexecutions',
    'to 2^64',
    'auditor-ptb',
    '/api/reexecutions',
    { meterId: 'm-1', from: 0, to: 2 ** 64 },
    invalid,
  ],
  [
    '/api/reexecutions',
    'from negative',
    'auditor-ptb',
    '/api/reexecutions',
    { meterId: 'm-1', from: -5, to: 1 },
    invalid,
  ],
  [
    '/api/reexecutions',
    'a meter id with NUL',
    'auditor-ptb',
    '/api/reexecutions',
    { meterId: 'm-1\u0000', from: 0, to: 1 },
    invalid,
  ],
  [
    '/api/reexecutions',
    'a meter id with a fullwidth letter',
    'auditor-ptb',
    '/api/reexecutions',
    { meterId: '\uff4d-1', from: 0, to: 1 },
    invalid,
  ],
  [
    '/api/software-approvals',
    'no meter kinds',
    'auditor-ptb',
    '/api/software-approvals',
    { version: 'lr-9.9.9', fingerprint: 'ab'.repeat(32), meterKinds: [] },
    invalid,
  ],
  [
    '/api/software-approvals',
    'an unknown meter kind',
    'auditor-ptb',
    '/api/software-approvals',
    { version: 'lr-9.9.9', fingerprint: 'ab'.repeat(32), meterKinds: ['water'] },
    invalid,
  ],
  [
    '/api/software-approvals',
    'a fingerprint in capitals',
    'auditor-ptb',
    '/api/software-approvals',
    { version: 'lr-9.9.9', fingerprint: 'AB'.repeat(32), meterKinds: ['energy'] },
    invalid,
  ],
  [
    '/api/software-approvals',
    'a version with an RTL override',
    'auditor-ptb',
    '/api/software-approvals',
    { version: '\u202elr-9.9.9', fingerprint: 'ab'.repeat(32), meterKinds: ['energy'] },
    invalid,
  ],
  [
    '/api/software-approvals',
    'notifiedBody given by the caller',
    'auditor-ptb',
    '/api/software-approvals',
    { version: 'lr-9.9.9', fingerprint: 'ab'.repeat(32), meterKinds: ['energy'], notifiedBody: 'PTB' },
    invalid,
  ],
  [
    '/api/software-approvals/{fingerprint}/{meterKind}/withdraw',
    'an approval that does not exist',
    'auditor-ptb',
    `/api/software-approvals/${'cd'.repeat(32)}/energy/withdraw`,
    { reason: 'corpus' },
    { status: 404, code: 'NOT_FOUND' },
  ],
  [
    '/api/software-approvals/{fingerprint}/{meterKind}/withdraw',
    'a meter kind that does not exist',
    'auditor-ptb',
    `/api/software-approvals/${'cd'.repeat(32)}/water/withdraw`,
    { reason: 'corpus' },
    invalid,
  ],
  [
    '/api/software-approvals/{fingerprint}/{meterKind}/withdraw',
    'a blank reason',
    'auditor-ptb',
    `/api/software-approvals/${'cd'.repeat(32)}/energy/withdraw`,
    { reason: '   ' },
    invalid,
  ],
  [
    '/api/verification-log/checks',
    'a batch id with a zero-width space',
    'auditor-ptb',
    '/api/verification-log/checks',
    { batchId: 'batch\u200b-1' },
    invalid,
  ],
  [
    '/api/public/receipts/check',
    'an empty receipt',
    undefined,
    '/api/public/receipts/check',
    { receipt: '   ' },
    invalid,
  ],
  [
    '/api/public/receipts/check',
    'a receipt that is a number',
    undefined,
    '/api/public/receipts/check',
    { receipt: 12 },
    invalid,
  ],
  [
    '/api/session',
    'a token that is no JWT',
    undefined,
    '/api/session',
    { token: 'not-a-jwt' },
    { status: 401, code: 'TOKEN_INVALID' },
  ],
  ['/v1/traces', 'an attribute array nested 100,000 deep', undefined, '/v1/traces', 'DEEP_TRACE', invalid],
];

const DEEP_TRACE = `{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"${'a'.repeat(32)}","spanId":"${'b'.repeat(16)}","name":"x","startTimeUnixNano":"1","endTimeUnixNano":"2","attributes":[{"key":"k","value":{"arrayValue":${deeplyNested(100_000)}}}]}]}]}]}`;

const AUDIT_CASES: HttpCase[] = AUDIT_ROWS.map(([route, what, caller, path, body, expect]) => ({
  name: `POST ${route}: ${what}`,
  target: post('audit', route),
  ...(caller === undefined ? {} : { caller }),
  input: () => ({ path, body: body === 'DEEP_TRACE' ? { raw: DEEP_TRACE } : json(body) }),
  expect,
  watch: (): Watch[] => [{ kind: 'software-approvals' }, { kind: 'reexecutions' }],
}));

// ---- the readings topic -------------------------------------------------------------------------------------------

const TOPIC: TopicTarget = { topic: 'readings.received.v1' };
const received = (value: unknown): string =>
  JSON.stringify({ reading: value, receivedAt: new Date().toISOString() });

const TOPIC_CASES: TopicCase[] = rows<[string, (fx: Fixtures) => TopicInput, TopicExpectation]>([
  [
    'a value that is not JSON',
    (fx: Fixtures) => ({ key: fx.meter.id, value: '{"reading": ' }),
    { deadLetter: 'EVENT_JSON_INVALID' },
  ],
  [
    'no value (a tombstone)',
    (fx: Fixtures) => ({ key: fx.meter.id, value: null }),
    { deadLetter: 'EVENT_JSON_INVALID' },
  ],
  [
    'a reading without its signature',
    (fx: Fixtures) => {
      const unsigned = readingJson(fx.meter, fx.nextSeq());
      delete unsigned['signature'];
      return { key: fx.meter.id, value: received(unsigned) };
    },
    { deadLetter: 'EVENT_SCHEMA_INVALID' },
  ],
  [
    'a value of another topic (a verified reading)',
    (fx: Fixtures) => ({ key: fx.meter.id, value: JSON.stringify({ readingId: 'x', verdict: 'valid' }) }),
    { deadLetter: 'EVENT_SCHEMA_INVALID' },
  ],
  [
    'a key that is no meter id (emoji)',
    (fx: Fixtures) => ({
      key: UNICODE_IDS.emoji(fx.meter.id),
      value: received(reading(fx.meter, fx.nextSeq())),
    }),
    { deadLetter: 'EVENT_SCHEMA_INVALID' },
  ],
  [
    'seq 1e309 spelled out',
    (fx: Fixtures) => ({
      key: fx.meter.id,
      value: received(reading(fx.meter, 1)).replace(/"seq":\d+/, '"seq":1e309'),
    }),
    { deadLetter: 'EVENT_SCHEMA_INVALID' },
  ],
  [
    'a payload nested 100,000 arrays deep',
    (fx: Fixtures) => ({
      key: fx.meter.id,
      value: received(reading(fx.meter, fx.nextSeq())).replace(
        '"payload":{',
        `"payload":{"deep":${deeplyNested(100_000)},`,
      ),
    }),
    { deadLetter: 'EVENT_SCHEMA_INVALID' },
  ],
  [
    'a reading with a bad signature',
    (fx: Fixtures) => ({
      key: fx.meter.id,
      value: received({
        ...reading(fx.meter, fx.nextSeq()),
        payload: { sampleRateHz: 1000, voltageV: VOLTAGE, currentA: [7, 7, 7, 7] },
      }),
    }),
    { rejected: 'SIGNATURE_INVALID' },
  ],
  [
    'a replay of seq 2 with other content',
    (fx: Fixtures) => ({
      key: fx.meter.id,
      value: received(
        reading(fx.meter, 2, { payload: { sampleRateHz: 1000, voltageV: VOLTAGE, currentA: [2, 2, 2, 2] } }),
      ),
    }),
    { rejected: 'SEQ_REPLAYED' },
  ],
  [
    'a reading of a revoked meter',
    (fx: Fixtures) => ({ key: fx.revoked.id, value: received(reading(fx.revoked, fx.nextSeq())) }),
    { rejected: 'METER_REVOKED' },
  ],
]).map(([what, input, expect]): TopicCase => ({
  name: `topic readings.received.v1: ${what}`,
  target: TOPIC,
  input,
  expect,
  watch: (fx: Fixtures): Watch[] => [
    { kind: 'meter-progress', meterId: fx.meter.id },
    { kind: 'meter-progress', meterId: fx.revoked.id },
  ],
}));

export const BAD_INPUT_CASES: readonly BadInputCase[] = [
  ...ROUTES.flatMap(batteryOf),
  ...INGEST_CASES,
  ...BATCH_CASES,
  ...REGISTRATION_CASES,
  ...VERIFICATION_CASES,
  ...BILLING_CASES,
  ...AUDIT_CASES,
  ...TOPIC_CASES,
];

export function isTopicCase(entry: BadInputCase): entry is TopicCase {
  return 'topic' in entry.target;
}
