import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AttemptOutcome, attemptRegistration, newMeter } from './registration-attempt';

type Api = Parameters<typeof attemptRegistration>[0];

/** An error as the tool-kit's clients throw it: a code, and the HTTP status when there was an answer. */
const failure = (code: string, status?: number): Error =>
  Object.assign(new Error(code), { code, details: status === undefined ? {} : { status } });

function api(answer: () => Promise<unknown>, status: 'pending' | 'active' = 'active'): Api {
  return {
    issueChallenge: () =>
      Promise.resolve({
        challengeId: 'n',
        registrationId: 'n',
        statement: '{}',
        expiresAt: '2030-01-01T00:00:00Z',
      }),
    answerChallenge: answer as Api['answerChallenge'],
    getMeter: () => Promise.resolve({ status } as Awaited<ReturnType<Api['getMeter']>>),
  };
}

const meter = newMeter('m-1', 'FAULT-1');
const attempt = (answer: () => Promise<unknown>): Promise<AttemptOutcome> =>
  attemptRegistration(api(answer), meter);

describe('attemptRegistration', () => {
  it('reports the attestation and the meter status the answer carries', async () => {
    assert.deepEqual(await attempt(() => Promise.resolve({ status: 'pending' })), {
      kind: 'attested',
      status: 'pending',
      already: false,
    });
  });

  it('takes ALREADY_ATTESTED as done and reads the meter', async () => {
    assert.deepEqual(await attempt(() => Promise.reject(failure('ALREADY_ATTESTED', 409))), {
      kind: 'attested',
      status: 'active',
      already: true,
    });
  });

  it('keeps the code and status of a coded refusal', async () => {
    assert.deepEqual(await attempt(() => Promise.reject(failure('LEDGER_UNAVAILABLE', 503))), {
      kind: 'refused',
      status: 503,
      code: 'LEDGER_UNAVAILABLE',
      step: 'answer',
    });
  });

  it('tells a failure answer without a code from one with a code', async () => {
    const outcome = await attempt(() => Promise.reject(failure('SERVICE_ERROR', 500)));
    assert.equal(outcome.kind, 'uncoded');
  });

  it('tells no answer at all apart', async () => {
    const outcome = await attempt(() => Promise.reject(failure('SERVICE_UNREACHABLE')));
    assert.equal(outcome.kind, 'unanswered');
  });
});
