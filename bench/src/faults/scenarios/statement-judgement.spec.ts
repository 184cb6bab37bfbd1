import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Statement } from '@metrochain/contracts';
import { judgeStatement } from './statement-judgement';

const account = { slots: 2976, expectedMilliMinor: 1_234_567, expectedMinor: 1235 };

function statement(changes: Partial<Record<string, unknown>> = {}): Statement {
  return {
    accountId: 'a',
    period: '2026-10',
    status: 'complete',
    revision: 1,
    slotsReceived: 2976,
    innerProductMilliMinor: 1_234_567,
    amountMinor: 1235,
    ...changes,
  } as unknown as Statement;
}

describe('judgeStatement', () => {
  it('passes one complete statement with the plaintext amount on both NMIs, published once', () => {
    assert.deepEqual(judgeStatement(account, [[statement()], [statement()]], 1), []);
  });

  it('finds a wrong amount, a second revision, a second event and a missing record', () => {
    const wrong = statement({ innerProductMilliMinor: 1_234_000, revision: 2 });
    const problems = judgeStatement(account, [[wrong], []], 2);
    assert.equal(problems.length, 4, problems.join('\n'));
  });

  it('refuses an incomplete statement', () => {
    const incomplete = statement({ status: 'incomplete', slotsReceived: 2975 });
    assert.equal(judgeStatement(account, [[incomplete], [incomplete]], 1).length, 1);
  });
});
