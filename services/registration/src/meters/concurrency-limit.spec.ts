import assert from 'node:assert/strict';
import { setImmediate as settled } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { ConcurrencyLimit } from './concurrency-limit';

/** A task that runs until the test finishes it. */
function controlled(log: string[], name: string): { task: () => Promise<string>; finish: () => void } {
  let finish = (): void => undefined;
  const task = (): Promise<string> => {
    log.push(`start ${name}`);
    return new Promise((resolve) => {
      finish = () => {
        resolve(name);
      };
    });
  };
  return {
    task,
    finish: () => {
      finish();
    },
  };
}

describe('ConcurrencyLimit', () => {
  it('runs at most `limit` tasks at once and starts the others in order as places free up', async () => {
    const limit = new ConcurrencyLimit(2);
    const log: string[] = [];
    const tasks = ['a', 'b', 'c', 'd'].map((name) => controlled(log, name));
    const results = tasks.map(({ task }) => limit.run(task));
    await settled();
    assert.deepEqual(log, ['start a', 'start b']);
    tasks[1]?.finish();
    await settled();
    assert.deepEqual(log, ['start a', 'start b', 'start c']);
    tasks[0]?.finish();
    tasks[2]?.finish();
    await settled();
    tasks[3]?.finish();
    assert.deepEqual(await Promise.all(results), ['a', 'b', 'c', 'd']);
    assert.deepEqual(log, ['start a', 'start b', 'start c', 'start d']);
  });

  it('frees the place of a task that fails, and passes the failure on', async () => {
    const limit = new ConcurrencyLimit(1);
    await assert.rejects(
      limit.run(() => Promise.reject(new Error('boom'))),
      /boom/,
    );
    assert.equal(await limit.run(() => Promise.resolve('next')), 'next');
  });

  it('refuses a limit below one', () => {
    assert.throws(() => new ConcurrencyLimit(0), RangeError);
  });
});
