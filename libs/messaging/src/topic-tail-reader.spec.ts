import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENT_SAMPLES, type MeterLifecycleV1 } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import type { EachMessagePayload } from 'kafkajs';
import { MessagingErrorCode } from './messaging-error-code';
import { TailCollector, tailOffsets } from './tail-collector';
import { kafkaMessage } from './testing/fake-kafka';
import { TopicTailReader, type TopicTailKafka } from './topic-tail-reader';

const TOPIC = 'meter.lifecycle.v1';
const lifecycle = (blockNumber: number): MeterLifecycleV1 => ({ ...EVENT_SAMPLES[TOPIC].value, blockNumber });
const record = (
  partition: number,
  offset: string,
  value: unknown,
): Pick<EachMessagePayload, 'partition' | 'message'> => ({
  partition,
  message: kafkaMessage({ key: EVENT_SAMPLES[TOPIC].key, value: JSON.stringify(value), offset }),
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
  it('settles with each wanted record, decoded, ignoring records at other offsets', async () => {
    const collector = new TailCollector(TOPIC, [
      { partition: 0, offset: '4' },
      { partition: 2, offset: '11' },
    ]);
    collector.offer(record(0, '3', lifecycle(1)));
    collector.offer(record(0, '4', lifecycle(7)));
    collector.offer(record(2, '11', lifecycle(9)));
    assert.deepEqual(await collector.result(1000), [
      { partition: 0, offset: '4', value: lifecycle(7) },
      { partition: 2, offset: '11', value: lifecycle(9) },
    ]);
  });

  it('fails on a wanted record that breaks the contract', async () => {
    const collector = new TailCollector(TOPIC, [{ partition: 0, offset: '0' }]);
    collector.offer(record(0, '0', { meterId: 'x' }));
    await assert.rejects(collector.result(1000), (error: unknown) => error instanceof DomainError);
  });

  it('times out, retriably, naming the partitions still missing', async () => {
    const collector = new TailCollector(TOPIC, [
      { partition: 0, offset: '0' },
      { partition: 1, offset: '0' },
    ]);
    collector.offer(record(0, '0', lifecycle(1)));
    await assert.rejects(
      collector.result(20),
      (error: unknown) =>
        error instanceof DomainError &&
        error.code === MessagingErrorCode.TOPIC_TAIL_TIMEOUT &&
        error.retriable &&
        JSON.stringify(error.details['missing']) === '[1]',
    );
  });
});

/** A broker holding one record per partition at the given offsets; the consumer delivers what is sought. */
function fakeKafka(partitions: { partition: number; high: string; value: MeterLifecycleV1 }[]): {
  kafka: TopicTailKafka;
  calls: string[];
} {
  const calls: string[] = [];
  let eachMessage: ((payload: EachMessagePayload) => Promise<void>) | undefined;
  const admin = {
    connect: () => Promise.resolve(),
    disconnect: () => Promise.resolve(),
    fetchTopicOffsets: (topic: string) =>
      Promise.resolve(
        topic === TOPIC
          ? partitions.map((p) => ({ partition: p.partition, offset: p.high, high: p.high, low: '0' }))
          : [],
      ),
    deleteGroups: (groups: string[]) => {
      calls.push(`delete ${groups.join(',').replace(/-[0-9a-f-]{36}$/, '-<uuid>')}`);
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
  return { kafka: { admin: () => admin, consumer: () => consumer }, calls };
}

describe('TopicTailReader', () => {
  it('seeks to each partition’s last record and cleans its throw-away group up', async () => {
    const { kafka, calls } = fakeKafka([
      { partition: 0, high: '3', value: lifecycle(4) },
      { partition: 1, high: '8', value: lifecycle(6) },
    ]);
    const tail = new TopicTailReader({ kafka, topic: TOPIC, groupPrefix: 'spec-tail' });
    const records = await tail.read();
    assert.deepEqual(records.map((r) => r.value.blockNumber).sort(), [4, 6]);
    assert.deepEqual(calls, ['seek 0@2', 'seek 1@7', 'disconnect', 'delete spec-tail-<uuid>']);
  });

  it('reads nothing from an empty topic', async () => {
    const { kafka, calls } = fakeKafka([]);
    assert.deepEqual(await new TopicTailReader({ kafka, topic: TOPIC, groupPrefix: 'spec-tail' }).read(), []);
    assert.deepEqual(calls, []);
  });
});
