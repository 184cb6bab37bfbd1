import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ICustomPartitioner, type PartitionMetadata, type PartitionerArgs, Partitioners } from 'kafkajs';
import { rememberKeyPartitions } from './key-partitioner';

function metadata(count: number): PartitionMetadata[] {
  return Array.from({ length: count }, (_, partitionId) => ({
    partitionErrorCode: 0,
    partitionId,
    leader: 1,
    replicas: [1],
    isr: [1],
  }));
}

const keys = Array.from({ length: 500 }, (_, n) => `meter-${String(n)}`);

/** Counts the calls that reach the wrapped partitioner. */
function counted(inner: ICustomPartitioner): { partitioner: ICustomPartitioner; calls: () => number } {
  let calls = 0;
  return {
    partitioner: () => {
      const partition = inner();
      return (args: PartitionerArgs) => {
        calls += 1;
        return partition(args);
      };
    },
    calls: () => calls,
  };
}

describe('rememberKeyPartitions', () => {
  it("places every key where kafkajs's Java-compatible partitioner does, asking it once per key", () => {
    const reference = Partitioners.DefaultPartitioner();
    const { partitioner, calls } = counted(Partitioners.DefaultPartitioner);
    const remembering = rememberKeyPartitions(partitioner)();
    for (const count of [1, 6, 7]) {
      const partitionMetadata = metadata(count);
      for (let round = 0; round < 2; round += 1) {
        for (const key of keys) {
          const args = { topic: 'verifications.v1', partitionMetadata, message: { key, value: 'v' } };
          assert.equal(remembering(args), reference(args), `${key} of ${String(count)}`);
        }
      }
    }
    assert.equal(calls(), 3 * keys.length, 'once per key and partition count');
  });

  it('keeps topics apart and starts over beyond the key limit', () => {
    const { partitioner, calls } = counted(() => () => 3);
    const remembering = rememberKeyPartitions(partitioner, 2)();
    const partitionMetadata = metadata(6);
    const place = (topic: string, key: string): number =>
      remembering({ topic, partitionMetadata, message: { key, value: 'v' } });
    place('a.v1', 'k1');
    place('b.v1', 'k1');
    place('a.v1', 'k1');
    assert.equal(calls(), 2);
    place('a.v1', 'k2');
    place('a.v1', 'k3');
    place('a.v1', 'k1');
    assert.equal(calls(), 5);
  });

  it('leaves explicit partitions, Buffer keys and unkeyed records to the wrapped partitioner every time', () => {
    const { partitioner, calls } = counted(Partitioners.DefaultPartitioner);
    const remembering = rememberKeyPartitions(partitioner)();
    const partitionMetadata = metadata(6);
    const topic = 'verifications.v1';
    assert.equal(
      remembering({ topic, partitionMetadata, message: { key: 'k', value: 'v', partition: 4 } }),
      4,
    );
    assert.equal(
      remembering({ topic, partitionMetadata, message: { key: 'k', value: 'v', partition: 5 } }),
      5,
    );
    const bufferKey = { key: Buffer.from('k'), value: 'v' };
    remembering({ topic, partitionMetadata, message: bufferKey });
    remembering({ topic, partitionMetadata, message: bufferKey });
    const unkeyed = Array.from({ length: 6 }, () =>
      remembering({ topic, partitionMetadata, message: { key: null, value: 'v' } }),
    );
    assert.deepEqual([...new Set(unkeyed)].sort(), [0, 1, 2, 3, 4, 5], 'round robin over every partition');
    assert.equal(calls(), 10);
  });
});
