import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { common } from '@hyperledger/fabric-protos';
import type { DecodedBlock } from '@metrochain/ledger';
import type { BlockCheckpoint } from './block-checkpoint';
import { BlockFeed, type BlockSource } from './block-feed';

function block(number: number): common.Block {
  const header = new common.BlockHeader();
  header.setNumber(number);
  const result = new common.Block();
  result.setHeader(header);
  result.setData(new common.BlockData());
  return result;
}

class MemoryCheckpoint implements BlockCheckpoint {
  next: number | undefined;

  load(): Promise<number | undefined> {
    return Promise.resolve(this.next);
  }

  save(nextBlock: number): Promise<void> {
    this.next = nextBlock;
    return Promise.resolve();
  }
}

/** A chain of `height` blocks; each stream serves from its start block and then ends. */
function chain(height: number, opened: number[]): BlockSource {
  return {
    getBlockEvents: (options) => {
      const start = Number(options?.startBlock ?? 0);
      opened.push(start);
      const blocks = Array.from({ length: Math.max(height - start, 0) }, (_, index) => block(start + index));
      const iterable = {
        close: (): void => undefined,
        async *[Symbol.asyncIterator](): AsyncGenerator<common.Block> {
          await Promise.resolve();
          yield* blocks;
        },
      };
      return Promise.resolve(iterable as unknown as Awaited<ReturnType<BlockSource['getBlockEvents']>>);
    },
  };
}

async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 200 && !condition(); tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  assert.ok(condition(), 'condition not reached');
}

describe('BlockFeed', () => {
  it('hands every block to every handler in order and checkpoints after each', async () => {
    const checkpoint = new MemoryCheckpoint();
    const seen: string[] = [];
    const feed = new BlockFeed({ source: chain(3, []), checkpoint, retryDelayMs: 1 });
    for (const name of ['a', 'b']) {
      feed.register({
        name,
        handleBlock: (decoded: Readonly<DecodedBlock>) => {
          seen.push(`${name}${String(decoded.number)}`);
          return Promise.resolve();
        },
      });
    }
    feed.start();
    await until(() => checkpoint.next === 3);
    await feed.stop();
    assert.deepEqual(seen.slice(0, 6), ['a0', 'b0', 'a1', 'b1', 'a2', 'b2']);
    assert.equal(feed.nextBlock, 3);
  });

  it('resumes from the saved checkpoint, and retries a failed block without skipping it', async () => {
    const checkpoint = new MemoryCheckpoint();
    checkpoint.next = 5;
    const opened: number[] = [];
    const seen: number[] = [];
    let failures = 1;
    const errors: (string | undefined)[] = [];
    const feed = new BlockFeed({
      source: chain(8, opened),
      checkpoint,
      retryDelayMs: 1,
      onError: (_error, handler) => errors.push(handler),
    });
    feed.register({
      name: 'flaky',
      handleBlock: (decoded) => {
        if (decoded.number === 6 && failures > 0) {
          failures -= 1;
          return Promise.reject(new Error('Kafka is down'));
        }
        seen.push(decoded.number);
        return Promise.resolve();
      },
    });
    feed.start();
    await until(() => checkpoint.next === 8);
    await feed.stop();
    assert.deepEqual(opened.slice(0, 2), [5, 6]);
    assert.deepEqual(seen.slice(0, 3), [5, 6, 7]);
    assert.equal(errors[0], 'flaky');
  });
});
