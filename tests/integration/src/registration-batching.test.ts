import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  type CommittedMeterView,
  type IssuedChallenge,
  committedMeterViewSchema,
  issuedChallengeSchema,
  meterViewSchema,
} from '@metrochain/contracts';
import { signData } from '@metrochain/pki';
import { type TestMeter, newKeyPair, newMeter } from './support/meters';
import { MANUFACTURER, bearer, tokenOf } from './support/principals';
import { TEST_MODEL, approveModel } from './support/registration-api';

const PTB = 'http://127.0.0.1:3001';
const INMETRO = 'http://127.0.0.1:3011';
const FLEET_SIZE = 200;

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** As the manufacturer the local network provisions. */
async function call(url: string, method: 'GET' | 'POST', body?: unknown): Promise<Answer> {
  const auth = bearer(tokenOf(MANUFACTURER));
  const response = await fetch(url, {
    method,
    ...(body === undefined
      ? { headers: auth }
      : { headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function issueChallenge(registration: string, meter: TestMeter): Promise<IssuedChallenge> {
  const issued = await call(`${registration}/meters/registrations`, 'POST', {
    meterId: meter.id,
    model: TEST_MODEL,
    publicKeyPem: meter.publicPem,
  });
  assert.equal(issued.status, 201, JSON.stringify(issued.body));
  return issuedChallengeSchema.parse(issued.body);
}

/** The meter's answer to a challenge, signed with `signingKeyPem` (its own key unless a test forges it). */
function answer(registration: string, challenge: IssuedChallenge, signingKeyPem: string): Promise<Answer> {
  return call(`${registration}/meters/registrations/${challenge.registrationId}/response`, 'POST', {
    signature: signData(signingKeyPem, challenge.statement),
  });
}

function committed(answered: Answer): CommittedMeterView {
  assert.equal(answered.status, 200, JSON.stringify(answered.body));
  return committedMeterViewSchema.parse(answered.body);
}

/** Challenges for every meter first, then every answer at once, as a fleet coming online would send them. */
async function answerAll(
  registration: string,
  meters: readonly TestMeter[],
  signingKeyOf: (meter: TestMeter) => string = (meter) => meter.privatePem,
): Promise<{ answers: Answer[]; ms: number }> {
  const challenges = await Promise.all(meters.map((meter) => issueChallenge(registration, meter)));
  const started = performance.now();
  const answers = await Promise.all(
    meters.map((meter, index) =>
      answer(registration, challenges[index] as IssuedChallenge, signingKeyOf(meter)),
    ),
  );
  return { answers, ms: performance.now() - started };
}

const transactionsOf = (views: readonly CommittedMeterView[]): number =>
  new Set(views.map((view) => view.transactionId)).size;

describe('registration of a fleet through the API, answers attested in batches', () => {
  before(() => approveModel(TEST_MODEL));

  it(`activates ${String(FLEET_SIZE)} meters answering at once through PTB and Inmetro; a forged answer in a batch is refused alone`, async () => {
    const fleet = Array.from({ length: FLEET_SIZE }, () => newMeter('reg-batch'));
    const forger = fleet[FLEET_SIZE / 2];
    assert.ok(forger);
    const impostorKey = newKeyPair().privatePem;
    const started = performance.now();

    const ptb = await answerAll(PTB, fleet, (meter) => (meter === forger ? impostorKey : meter.privatePem));
    const forged = ptb.answers[FLEET_SIZE / 2];
    assert.deepEqual([forged?.status, forged?.body['code']], [422, 'SIGNATURE_INVALID']);
    const pending = ptb.answers.filter((_, index) => index !== FLEET_SIZE / 2).map(committed);
    assert.ok(pending.every((view) => view.status === 'pending' && view.attestations.length === 1));
    const ptbTransactions = transactionsOf(pending);
    assert.ok(
      ptbTransactions <= FLEET_SIZE / 4,
      `${String(FLEET_SIZE - 1)} attestations in ${String(ptbTransactions)} transactions`,
    );
    const unknown = await call(`${PTB}/meters/${forger.id}`, 'GET');
    assert.deepEqual(
      [unknown.status, unknown.body['code']],
      [404, 'METER_UNKNOWN'],
      'the refusal wrote nothing',
    );

    const retried = committed(await answer(PTB, await issueChallenge(PTB, forger), forger.privatePem));
    assert.equal(retried.status, 'pending');

    const inmetro = await answerAll(INMETRO, fleet);
    const active = inmetro.answers.map(committed);
    const totalMs = performance.now() - started;
    for (const view of active) {
      assert.equal(view.status, 'active', view.meterId);
      assert.deepEqual(
        view.attestations.map((attestation) => attestation.msp),
        ['PTBMSP', 'InmetroMSP'],
      );
    }
    const views = await Promise.all(fleet.map((meter) => call(`${PTB}/meters/${meter.id}`, 'GET')));
    assert.ok(views.every((view) => meterViewSchema.parse(view.body).status === 'active'));

    console.log(
      `registration batching: ${String(FLEET_SIZE)} meters active in ${totalMs.toFixed(0)} ms ` +
        `(PTB answers ${ptb.ms.toFixed(0)} ms in ${String(ptbTransactions)} transactions, ` +
        `Inmetro answers ${inmetro.ms.toFixed(0)} ms in ${String(transactionsOf(active))} transactions)`,
    );
  });
});
