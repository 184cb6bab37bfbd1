import assert from 'node:assert/strict';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { defaultNetworkFile } from '@metrochain/config';
import {
  type CommittedMeterView,
  type IssuedRotation,
  type MeterView,
  committedMeterViewSchema,
  issuedChallengeSchema,
  issuedRotationSchema,
  meterViewSchema,
} from '@metrochain/contracts';
import { signData } from '@metrochain/pki';
import { MANUFACTURER, bearer, operatorOf, tokenOf } from './principals';

// The registration instances of network.json and their HTTP API, for the integration tests. --------------------------------------------

export interface RegistrationInstance {
  process: string;
  org: string;
  mspId: string;
  url: string;
}

export function registrationInstances(): RegistrationInstance[] {
  const profile = JSON.parse(readFileSync(defaultNetworkFile(), 'utf8')) as {
    services?: { registration?: RegistrationInstance[] };
  };
  return profile.services?.registration ?? [];
}

export function instanceOf(org: string): RegistrationInstance {
  const instance = registrationInstances().find((candidate) => candidate.org === org);
  assert.ok(instance, `network.json lists a registration instance for ${org}`);
  return instance;
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** One request, as `token`'s principal (anonymous without one). */
export async function call(
  instance: RegistrationInstance,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<Answer> {
  const response = await fetch(`${instance.url}${path}`, {
    method,
    ...(body === undefined
      ? { headers: bearer(token) }
      : { headers: { 'content-type': 'application/json', ...bearer(token) }, body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The model the helpers register meters of; approved for MANUFACTURER on first use. */
export const TEST_MODEL = 'LOOP-2';
const approved = new Set<string>();

/** Approves `model` for `manufacturer` on the ledger through PTB's operator (idempotent there too). */
export async function approveModel(model: string, manufacturer: string = MANUFACTURER): Promise<void> {
  if (approved.has(`${model}/${manufacturer}`)) {
    return;
  }
  const answer = await call(instanceOf('PTB'), 'POST', '/models', { model, manufacturer }, operatorOf('PTB'));
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  approved.add(`${model}/${manufacturer}`);
}

/** Calls the API, expects `status` (the body in the message otherwise) and returns the body as `schema` reads it. */
export async function expectAnswer<T>(
  expected: Readonly<{ status: number; schema: { parse: (value: unknown) => T } }>,
  instance: RegistrationInstance,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  const answer = await call(instance, method, path, body, token);
  assert.equal(answer.status, expected.status, JSON.stringify(answer.body));
  return expected.schema.parse(answer.body);
}

const OK_METER = { status: 200, schema: committedMeterViewSchema } as const;

export async function getMeter(instance: RegistrationInstance, meterId: string): Promise<MeterView> {
  return expectAnswer({ status: 200, schema: meterViewSchema }, instance, 'GET', `/meters/${meterId}`);
}

export interface KeyPair {
  publicPem: string;
  privatePem: string;
}

export function newKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

/** Registration by proof of possession through one NMI's instance; returns that NMI's committed attestation. */
export async function register(
  instance: RegistrationInstance,
  meterId: string,
  key: KeyPair,
): Promise<CommittedMeterView> {
  await approveModel(TEST_MODEL);
  const manufacturer = tokenOf(MANUFACTURER);
  const challenge = await expectAnswer(
    { status: 201, schema: issuedChallengeSchema },
    instance,
    'POST',
    '/meters/registrations',
    { meterId, model: TEST_MODEL, publicKeyPem: key.publicPem },
    manufacturer,
  );
  assert.ok(challenge.statement.includes(`"attester":"${instance.mspId}"`), challenge.statement);
  return expectAnswer(
    OK_METER,
    instance,
    'POST',
    `/meters/registrations/${challenge.registrationId}/response`,
    { signature: signData(key.privatePem, challenge.statement) },
    manufacturer,
  );
}

/** A meter active after PTB's and Inmetro's instances attested it; returns both committed attestations. */
export async function registerActive(
  meterId: string,
  key: KeyPair,
): Promise<[CommittedMeterView, CommittedMeterView]> {
  const first = await register(instanceOf('PTB'), meterId, key);
  const second = await register(instanceOf('Inmetro'), meterId, key);
  return [first, second];
}

export async function issueRotation(
  instance: RegistrationInstance,
  meterId: string,
  next: KeyPair,
): Promise<IssuedRotation> {
  return expectAnswer(
    { status: 201, schema: issuedRotationSchema },
    instance,
    'POST',
    `/meters/${meterId}/rotations`,
    { newPublicKeyPem: next.publicPem },
    operatorOf(instance.org),
  );
}

export async function rotate(
  instance: RegistrationInstance,
  meterId: string,
  current: KeyPair,
  next: KeyPair,
): Promise<CommittedMeterView> {
  const issued = await issueRotation(instance, meterId, next);
  const signatures = {
    oldKeySignature: signData(current.privatePem, issued.statement),
    newKeySignature: signData(next.privatePem, issued.statement),
  };
  const path = `/meters/rotations/${issued.rotationId}/response`;
  return expectAnswer(OK_METER, instance, 'POST', path, signatures, operatorOf(instance.org));
}

export async function revoke(
  instance: RegistrationInstance,
  meterId: string,
  reason: string,
): Promise<CommittedMeterView> {
  const path = `/meters/${meterId}/revocation`;
  return expectAnswer(OK_METER, instance, 'POST', path, { reason }, operatorOf(instance.org));
}

export const newMeterId = (): string => `reg-nmi-${randomUUID()}`;

export async function waitUntil(
  condition: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${String(timeoutMs)} ms waiting for ${what}`);
    }
    await delay(250);
  }
}
