import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MeterLifecycleV1 } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import type { EachMessagePayload, KafkaMessage } from 'kafkajs';
import { txIdOf } from './lifecycle.fakes';
import { KafkaTopicTail, TailCollector, type TailKafka, tailOffsets } from './topic-tail.reader';

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
const record = (
  partition: number,
  offset: string,
  value: unknown,
): Pick<EachMessagePayload, 'partition' | 'message'> => ({
  partition,
  message: {
    key: Buffer.from('meter-x'),
    value: Buffer.from(JSON.stringify(value)),
    offset,
  } as KafkaMessage,
});

describe('tailOffsets', () => {
  it('names the offset of the last record of every non-empty partition', () => {
    const offsets = [
      { partition: 0, offset: '5', high: '5', low: '0' },
      { partition: 1, offset: '0', high: '0', low: '0' },
      { partition: 2, offset: '12', high: '12', low: '11' },
      { partition: 3, offset: '9', high: '9', low: '9' },
    ];
    assert.deepEqual(tailOffsets(offsets), [
      { partition: 0, offset: '4' },
      { partition: 2, offset: '11' },
    ]);
  });
});

describe('TailCollector', () => {
  it('settles with the ledger position of each wanted record, ignoring records at other offsets', async () => {
    const collector = new TailCollector([
      { partition: 0, offset: '4' },
      { partition: 2, offset: '11' },
    ]);
    collector.offer(record(0, '3', lifecycle(1, 'old')));
    collector.offer(record(0, '4', lifecycle(7, 'a')));
    collector.offer(record(2, '11', lifecycle(9, 'b')));
    assert.deepEqual(await collector.result(1000), [
      { blockNumber: 7, txId: txIdOf('a'), meterId: 'meter-a' },
      { blockNumber: 9, txId: txIdOf('b'), meterId: 'meter-b' },
    ]);
  });

  it('fails on a wanted record that breaks the contract', async () => {
    const collector = new TailCollector([{ partition: 0, offset: '0' }]);
    collector.offer(record(0, '0', { meterId: 'x' }));
    await assert.rejects(collector.result(1000), (error: unknown) => error instanceof DomainError);
  });

  it('times out, retriably, naming the partitions still missing', async () => {
    const collector = new TailCollector([
      { partition: 0, offset: '0' },
      { partition: 1, offset: '0' },
    ]);
    collector.offer(record(0, '0', lifecycle(1, 'a')));
    await assert.rejects(
      collector.result(20),
      (error: unknown) =>
        error instanceof DomainError &&
        error.code === 'LIFECYCLE_TAIL_TIMEOUT' &&
        error.retriable &&
        JSON.stringify(error.details['missing']) === '[1]',
    );
  });
});

/** A broker holding one record per partition at the given offsets; the consumer delivers what is sought. */
function fakeKafka(partitions: { partition: number; high: string; value: MeterLifecycleV1 }[]): {
  kafka: TailKafka;
  calls: string[];
} {
  const calls: string[] = [];
  let eachMessage: ((payload: EachMessagePayload) => Promise<void>) | undefined;
  const admin = {
    connect: () => Promise.resolve(),
    disconnect: () => Promise.resolve(),
    fetchTopicOffsets: (topic: string) =>
      Promise.resolve(
        topic === 'meter.lifecycle.v1'
          ? partitions.map((p) => ({ partition: p.partition, offset: p.high, high: p.high, low: '0' }))
          : [],
      ),
    deleteGroups: (groups: string[]) => {
      calls.push(`delete ${groups.length}`);
      return Promise.resolve([]);
    },
  };
  const consumer = {
    connect: () => Promise.resolve(),
    disconnect: () => {
      calls.push('disconnect');
      return Promise.resolve();
    },
    subscribe: () => Promise.resolve(),
    run: (config: { eachMessage: (payload: EachMessagePayload) => Promise<void> }) => {
      eachMessage = config.eachMessage;
      return Promise.resolve();
    },
    seek: ({ partition, offset }: { partition: number; offset: string }) => {
      calls.push(`seek ${partition}@${offset}`);
      const stored = partitions.find((p) => p.partition === partition);
      const payload = record(partition, offset, stored?.value) as EachMessagePayload;
      setImmediate(() => void eachMessage?.(payload));
    },
  };
  return { kafka: { admin: () => admin, consumer: () => consumer } as unknown as TailKafka, calls };
}

describe('KafkaTopicTail', () => {
  it('seeks to each partition’s last record and cleans its throw-away group up', async () => {
    const { kafka, calls } = fakeKafka([
      { partition: 0, high: '3', value: lifecycle(4, 'a') },
      { partition: 1, high: '8', value: lifecycle(6, 'b') },
    ]);
    const tail = new KafkaTopicTail({ kafka });
    const positions = await tail.lastPublished();
    assert.deepEqual(positions.map((p) => p.blockNumber).sort(), [4, 6]);
    assert.deepEqual(calls, ['seek 0@2', 'seek 1@7', 'disconnect', 'delete 1']);
  });

  it('reads nothing from an empty topic', async () => {
    const { kafka, calls } = fakeKafka([]);
    assert.deepEqual(await new KafkaTopicTail({ kafka }).lastPublished(), []);
    assert.deepEqual(calls, []);
  });
});
