import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { settle } from '@metrochain/service-kit/testing';
import type { BatchAnchor } from './log-ports';
import { type LogRedis, RedisLogStore } from './redis-log-store';

type Command = [string, ...string[]];
type ExecResult = [Error | null, unknown][];

/** Hashes, strings and sets in memory; pipelines and transactions apply their commands at exec. */
class FakeLogRedis {
  readonly hashes = new Map<string, Map<string, string>>();
  readonly strings = new Map<string, string>();
  readonly sets = new Map<string, Set<string>>();
  /** Seconds to live by key, as EXPIRE and SET … EX set them. */
  readonly ttls = new Map<string, number>();
  readonly pipelines: Command[][] = [];
  /** Makes the next pipeline exec reject as a lost connection does. */
  failExec: Error | undefined;
  /** Makes single commands of a pipeline fail, as Redis reports them (the others still apply). */
  failCommand: (command: Command) => Error | undefined = () => undefined;

  pipeline(): unknown {
    const commands: Command[] = [];
    const chain = {
      sadd: (key: string, member: string) => (commands.push(['sadd', key, member]), chain),
      hset: (key: string, ...fieldsAndValues: string[]) => (
        commands.push(['hset', key, ...fieldsAndValues]),
        chain
      ),
      exec: (): Promise<ExecResult> => {
        this.pipelines.push(commands);
        const failure = this.failExec;
        this.failExec = undefined;
        return failure === undefined ? Promise.resolve(this.#apply(commands)) : Promise.reject(failure);
      },
    };
    return chain;
  }

  multi(): unknown {
    const commands: Command[] = [];
    const chain = {
      set: (key: string, value: string, ex: string, seconds: number) => (
        commands.push(['set', key, value, ex, String(seconds)]),
        chain
      ),
      expire: (key: string, seconds: number) => (commands.push(['expire', key, String(seconds)]), chain),
      srem: (key: string, member: string) => (commands.push(['srem', key, member]), chain),
      exec: (): Promise<ExecResult> => Promise.resolve(this.#apply(commands)),
    };
    return chain;
  }

  hgetall(key: string): Promise<Record<string, string>> {
    return Promise.resolve(Object.fromEntries(this.hashes.get(key) ?? []));
  }

  get(key: string): Promise<string | null> {
    return Promise.resolve(this.strings.get(key) ?? null);
  }

  smembers(key: string): Promise<string[]> {
    return Promise.resolve([...(this.sets.get(key) ?? [])]);
  }

  asRedis(): LogRedis {
    return this as unknown as LogRedis;
  }

  #apply(commands: readonly Command[]): ExecResult {
    return commands.map((command): [Error | null, unknown] => {
      const error = this.failCommand(command);
      if (error !== undefined) {
        return [error, null];
      }
      const [name, key = '', a = '', ...rest] = command;
      if (name === 'hset') {
        this.#hset(key, [a, ...rest]);
      } else if (name === 'sadd') {
        this.sets.set(key, (this.sets.get(key) ?? new Set<string>()).add(a));
      } else if (name === 'srem') {
        this.sets.get(key)?.delete(a);
      } else if (name === 'expire') {
        this.ttls.set(key, Number(a));
      } else {
        this.strings.set(key, a);
        if (rest[0] === 'EX') {
          this.ttls.set(key, Number(rest[1]));
        }
      }
      return [null, 1];
    });
  }

  #hset(key: string, fieldsAndValues: readonly string[]): void {
    const hash = this.hashes.get(key) ?? new Map<string, string>();
    for (let at = 0; at + 1 < fieldsAndValues.length; at += 2) {
      hash.set(fieldsAndValues[at] ?? '', fieldsAndValues[at + 1] ?? '');
    }
    this.hashes.set(key, hash);
  }
}

const ANCHOR: BatchAnchor = {
  batchId: 'vb-ptb-1-x-1',
  merkleRoot: 'ab'.repeat(32),
  size: 2,
  txId: 'tx-1',
  anchoredAt: '2025-03-01T12:00:02.000Z',
};

describe('RedisLogStore', () => {
  let redis: FakeLogRedis;
  let store: RedisLogStore;
  beforeEach(() => {
    redis = new FakeLogRedis();
    store = new RedisLogStore(redis.asRedis(), 3600);
  });

  it('sends the appends of one tick as one pipeline, marking each batch open', async () => {
    await Promise.all([
      store.append('ptb-1', 'vb-a', 0, '{"n":0}'),
      store.append('ptb-1', 'vb-a', 1, '{"n":1}'),
      store.append('ptb-1', 'vb-b', 0, '{"n":2}'),
    ]);
    assert.equal(redis.pipelines.length, 1);
    const sadds = redis.pipelines[0]?.filter(([name]) => name === 'sadd');
    assert.deepEqual(sadds, [
      ['sadd', 'verification:log:open:ptb-1', 'vb-a'],
      ['sadd', 'verification:log:open:ptb-1', 'vb-b'],
    ]);
    assert.deepEqual(
      [...redis.hashes.keys()],
      ['verification:log:batch:vb-a', 'verification:log:batch:vb-b'],
    );
    assert.deepEqual(
      await store.readBatch('vb-a'),
      new Map([
        [0, '{"n":0}'],
        [1, '{"n":1}'],
      ]),
    );
    assert.deepEqual((await store.openBatches('ptb-1')).sort(), ['vb-a', 'vb-b']);
  });

  it('sends appends of later ticks in their own pipelines', async () => {
    await store.append('ptb-1', 'vb-a', 0, '{}');
    await settle();
    await store.append('ptb-1', 'vb-a', 1, '{}');
    assert.equal(redis.pipelines.length, 2);
  });

  it('rejects every append of a tick whose pipeline failed, and only those', async () => {
    redis.failExec = new Error('connection lost');
    const failed = [store.append('ptb-1', 'vb-a', 0, '{}'), store.append('ptb-1', 'vb-a', 1, '{}')];
    for (const append of failed) {
      await assert.rejects(append, /connection lost/);
    }
    await store.append('ptb-1', 'vb-a', 2, '{}');
    assert.deepEqual([...(await store.readBatch('vb-a')).keys()], [2]);
  });

  it('rejects the appends of a pipeline in which a command failed', async () => {
    redis.failCommand = ([name, key]) =>
      name === 'hset' && key === 'verification:log:batch:vb-b' ? new Error('OOM') : undefined;
    const appends = [store.append('ptb-1', 'vb-a', 0, '{}'), store.append('ptb-1', 'vb-b', 0, '{}')];
    const outcomes = await Promise.allSettled(appends);
    assert.deepEqual(
      outcomes.map((outcome) => (outcome.status === 'rejected' ? String(outcome.reason) : 'stored')),
      ['Error: OOM', 'Error: OOM'],
    );
  });

  it('reads an unknown batch as empty and an unanchored batch as without anchor', async () => {
    assert.equal((await store.readBatch('vb-none')).size, 0);
    assert.equal(await store.readAnchor('vb-none'), undefined);
  });

  it('writes the anchor and closes the batch for its owner in one transaction', async () => {
    await store.append('ptb-1', ANCHOR.batchId, 0, '{}');
    await store.append('ptb-1', 'vb-other', 0, '{}');
    await store.writeAnchor('ptb-1', ANCHOR);
    assert.deepEqual(await store.readAnchor(ANCHOR.batchId), ANCHOR);
    assert.deepEqual(
      JSON.parse(redis.strings.get(`verification:log:anchor:${ANCHOR.batchId}`) ?? 'null'),
      ANCHOR,
    );
    assert.deepEqual(await store.openBatches('ptb-1'), ['vb-other']);
  });

  it('lets an anchored batch and its anchor expire after the retention; an open batch does not expire', async () => {
    await store.append('ptb-1', ANCHOR.batchId, 0, '{}');
    await store.append('ptb-1', 'vb-other', 0, '{}');
    await store.writeAnchor('ptb-1', ANCHOR);
    assert.deepEqual(Object.fromEntries(redis.ttls), {
      [`verification:log:anchor:${ANCHOR.batchId}`]: 3600,
      [`verification:log:batch:${ANCHOR.batchId}`]: 3600,
    });
  });

  it('refuses a stored anchor that does not match the contract', async () => {
    redis.strings.set('verification:log:anchor:vb-bad', JSON.stringify({ ...ANCHOR, merkleRoot: 'nope' }));
    await assert.rejects(store.readAnchor('vb-bad'));
  });
});
