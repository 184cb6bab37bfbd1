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

export async function call(
  instance: RegistrationInstance,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  const response = await fetch(`${instance.url}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function getMeter(instance: RegistrationInstance, meterId: string): Promise<MeterView> {
  const answer = await call(instance, 'GET', `/meters/${meterId}`);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return meterViewSchema.parse(answer.body);
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
  const issued = await call(instance, 'POST', '/meters/registrations', {
    meterId,
    model: 'LOOP-2',
    publicKeyPem: key.publicPem,
  });
  assert.equal(issued.status, 201, JSON.stringify(issued.body));
  const challenge = issuedChallengeSchema.parse(issued.body);
  assert.ok(challenge.statement.includes(`"attester":"${instance.mspId}"`), challenge.statement);
  const answered = await call(
    instance,
    'POST',
    `/meters/registrations/${challenge.registrationId}/response`,
    {
      signature: signData(key.privatePem, challenge.statement),
    },
  );
  assert.equal(answered.status, 200, JSON.stringify(answered.body));
  return committedMeterViewSchema.parse(answered.body);
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
  const issued = await call(instance, 'POST', `/meters/${meterId}/rotations`, {
    newPublicKeyPem: next.publicPem,
  });
  assert.equal(issued.status, 201, JSON.stringify(issued.body));
  return issuedRotationSchema.parse(issued.body);
}

export async function rotate(
  instance: RegistrationInstance,
  meterId: string,
  current: KeyPair,
  next: KeyPair,
): Promise<CommittedMeterView> {
  const issued = await issueRotation(instance, meterId, next);
  const answered = await call(instance, 'POST', `/meters/rotations/${issued.rotationId}/response`, {
    oldKeySignature: signData(current.privatePem, issued.statement),
    newKeySignature: signData(next.privatePem, issued.statement),
  });
  assert.equal(answered.status, 200, JSON.stringify(answered.body));
  return committedMeterViewSchema.parse(answered.body);
}

export async function revoke(
  instance: RegistrationInstance,
  meterId: string,
  reason: string,
): Promise<CommittedMeterView> {
  const answered = await call(instance, 'POST', `/meters/${meterId}/revocation`, { reason });
  assert.equal(answered.status, 200, JSON.stringify(answered.body));
  return committedMeterViewSchema.parse(answered.body);
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
