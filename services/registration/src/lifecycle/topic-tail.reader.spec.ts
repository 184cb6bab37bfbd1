import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MeterLifecycleV1 } from '@metrochain/contracts';
import type { TopicTailKafka } from '@metrochain/messaging';
import { txIdOf } from './lifecycle.fakes';
import { KafkaTopicTail } from './topic-tail.reader';

const PEM = '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n';
const lifecycle = (blockNumber: number, label: string): MeterLifecycleV1 => ({
  meterId: `meter-${label}`,
  type: 'attested',
  status: 'pending',
  publicKeyPem: PEM,
  attestedBy: ['PTBMSP'],
  occurredAt: '2025-01-01T00:00:00.000Z',
  txId: txIdOf(label),
  blockNumber,
});

type EachMessage = (payload: { partition: number; message: object }) => Promise<void>;

/** A broker holding one record per partition at the given offsets; the consumer delivers what is sought. */
function fakeKafka(partitions: { partition: number; high: string; value: MeterLifecycleV1 }[]): {
  kafka: TopicTailKafka;
  groups: string[];
} {
  const groups: string[] = [];
  let eachMessage: EachMessage | undefined;
  const resolved = (): Promise<void> => Promise.resolve();
  const admin = {
    connect: resolved,
    disconnect: resolved,
    fetchTopicOffsets: (topic: string) =>
      Promise.resolve(
        topic === 'meter.lifecycle.v1'
          ? partitions.map((p) => ({ partition: p.partition, offset: p.high, high: p.high, low: '0' }))
          : [],
      ),
    deleteGroups: (deleted: string[]) => (groups.push(...deleted), Promise.resolve([])),
  };
  const consumer = {
    connect: resolved,
    disconnect: resolved,
    subscribe: resolved,
    run: (config: { eachMessage: EachMessage }) => ((eachMessage = config.eachMessage), Promise.resolve()),
    seek: ({ partition, offset }: { partition: number; offset: string }) => {
      const stored = partitions.find((p) => p.partition === partition);
      const message = {
        key: Buffer.from('meter-x'),
        value: Buffer.from(JSON.stringify(stored?.value)),
        offset,
      };
      setImmediate(() => void eachMessage?.({ partition, message }));
    },
  };
  return { kafka: { admin: () => admin, consumer: () => consumer }, groups };
}

describe('KafkaTopicTail', () => {
  it('gives the ledger position of each partition’s last record, reading in a throw-away group', async () => {
    const { kafka, groups } = fakeKafka([
      { partition: 0, high: '3', value: lifecycle(4, 'a') },
      { partition: 1, high: '8', value: lifecycle(6, 'b') },
    ]);
    const positions = await new KafkaTopicTail({ kafka }).lastPublished();
    assert.deepEqual(
      positions.sort((a, b) => a.blockNumber - b.blockNumber),
      [
        { blockNumber: 4, txId: txIdOf('a'), meterId: 'meter-a' },
        { blockNumber: 6, txId: txIdOf('b'), meterId: 'meter-b' },
      ],
    );
    assert.equal(groups.length, 1);
    assert.match(groups[0] ?? '', /^registration-lifecycle-tail-[0-9a-f-]{36}$/);
  });

  it('reads nothing from an empty topic', async () => {
    const { kafka } = fakeKafka([]);
    assert.deepEqual(await new KafkaTopicTail({ kafka }).lastPublished(), []);
  });
});
