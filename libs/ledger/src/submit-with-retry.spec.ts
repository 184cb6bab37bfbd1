import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CommitError, StatusCode } from '@hyperledger/fabric-gateway';
import { LedgerError, type LedgerErrorCode } from './ledger-error';
import { type RetryOptions, backoffDelay, submitWithRetry } from './submit-with-retry';

const failure = (code: LedgerErrorCode): LedgerError => new LedgerError({ code, message: code });

function recorder(): { sleeps: number[]; options: RetryOptions } {
  const sleeps: number[] = [];
  return {
    sleeps,
    options: {
      baseDelayMs: 100,
      random: () => 0.5,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
    },
  };
}

describe('submitWithRetry', () => {
  it('retries read conflicts with growing jittered back-off until the write succeeds', async () => {
    const { sleeps, options } = recorder();
    const seen: number[] = [];
    const result = await submitWithRetry(async (attempt) => {
      seen.push(attempt);
      if (attempt < 3) {
        throw failure('MVCC_READ_CONFLICT');
      }
      return Promise.resolve('committed');
    }, options);
    assert.equal(result, 'committed');
    assert.deepEqual(seen, [1, 2, 3]);
    assert.deepEqual(sleeps, [50, 100]);
  });

  it('retries endorsements that differed because the peers were at different heights', async () => {
    const { sleeps, options } = recorder();
    const result = await submitWithRetry(async (attempt) => {
      if (attempt === 1) {
        throw failure('ENDORSEMENTS_DIFFER');
      }
      return Promise.resolve('committed');
    }, options);
    assert.equal(result, 'committed');
    assert.deepEqual(sleeps, [50]);
  });

  it('gives up after the configured attempts and rethrows the last conflict', async () => {
    const { sleeps, options } = recorder();
    let calls = 0;
    const last = failure('MVCC_READ_CONFLICT');
    await assert.rejects(
      submitWithRetry(
        () => {
          calls += 1;
          return Promise.reject(calls === 3 ? last : failure('MVCC_READ_CONFLICT'));
        },
        { ...options, attempts: 3 },
      ),
      (error) => error === last,
    );
    assert.equal(calls, 3);
    assert.equal(sleeps.length, 2);
  });

  it('tries five times by default', async () => {
    const { options } = recorder();
    let calls = 0;
    await assert.rejects(
      submitWithRetry(() => {
        calls += 1;
        return Promise.reject(failure('MVCC_READ_CONFLICT'));
      }, options),
    );
    assert.equal(calls, 5);
  });

  for (const code of [
    'LEDGER_UNAVAILABLE',
    'LEDGER_TIMEOUT',
    'COMMIT_FAILED',
    'NOT_FOUND',
    'ENDORSEMENT_POLICY_FAILURE',
  ] as const) {
    it(`rethrows ${code} at once`, async () => {
      const { sleeps, options } = recorder();
      let calls = 0;
      const error = failure(code);
      await assert.rejects(
        submitWithRetry(() => {
          calls += 1;
          return Promise.reject(error);
        }, options),
        (thrown) => thrown === error,
      );
      assert.equal(calls, 1);
      assert.deepEqual(sleeps, []);
    });
  }

  it('rethrows errors that are not ledger errors unchanged', async () => {
    const error = new RangeError('bad input');
    await assert.rejects(
      submitWithRetry(() => Promise.reject(error), recorder().options),
      (thrown) => thrown === error,
    );
  });

  it('recognises a raw fabric-gateway CommitError with a read conflict', async () => {
    const { options } = recorder();
    let calls = 0;
    await submitWithRetry(() => {
      calls += 1;
      if (calls === 1) {
        return Promise.reject(
          new CommitError({ code: StatusCode.MVCC_READ_CONFLICT, transactionId: 'tx', message: 'conflict' }),
        );
      }
      return Promise.resolve();
    }, options);
    assert.equal(calls, 2);
  });

  it('reports each retry', async () => {
    const events: number[] = [];
    let calls = 0;
    await submitWithRetry(
      () => (++calls < 2 ? Promise.reject(failure('MVCC_READ_CONFLICT')) : Promise.resolve()),
      { ...recorder().options, onRetry: ({ attempt }) => events.push(attempt) },
    );
    assert.deepEqual(events, [1]);
  });
});

describe('backoffDelay', () => {
  it('draws below an exponentially growing bound, capped', () => {
    const options = { baseDelayMs: 100, maxDelayMs: 1_000, random: (): number => 0.999 };
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, options)),
      [99, 199, 399, 799, 999, 999],
    );
    assert.equal(backoffDelay(3, { ...options, random: () => 0 }), 0);
  });
});
