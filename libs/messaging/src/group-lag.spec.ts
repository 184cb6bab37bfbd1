import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type GroupLagAdminPort, groupLag, pipelineLag } from './group-lag';

type Offsets = Record<string, { low: string; high: string; committed: Record<string, string> }[]>;

/** An admin over fixed offsets: per topic, per partition low/high and the committed offset of each group. */
function fakeAdmin(topics: Offsets): GroupLagAdminPort {
  return {
    fetchTopicOffsets: (topic: string) =>
      Promise.resolve(
        (topics[topic] ?? []).map((entry, partition) => ({
          partition,
          offset: entry.high,
          high: entry.high,
          low: entry.low,
        })),
      ),
    fetchOffsets: ({ groupId, topics: names }: { groupId: string; topics?: string[] }) =>
      Promise.resolve(
        (names ?? []).map((topic) => ({
          topic,
          partitions: (topics[topic] ?? []).map((entry, partition) => ({
            partition,
            offset: entry.committed[groupId] ?? '-1',
            metadata: null,
          })),
        })),
      ),
  };
}

describe('groupLag', () => {
  it('sums high watermark minus committed offset over the partitions', async () => {
    const admin = fakeAdmin({
      received: [
        { low: '0', high: '100', committed: { v: '40' } },
        { low: '0', high: '50', committed: { v: '50' } },
      ],
    });
    assert.deepEqual(await groupLag(admin, { groupId: 'v', topic: 'received' }), {
      groupId: 'v',
      topic: 'received',
      lag: 60,
      committed: 90,
    });
  });

  it('counts a partition the group never committed from its low watermark', async () => {
    const admin = fakeAdmin({ received: [{ low: '10', high: '25', committed: {} }] });
    const lag = await groupLag(admin, { groupId: 'v', topic: 'received' });
    assert.deepEqual([lag.lag, lag.committed], [15, 10]);
  });

  it('never counts a committed offset beyond the high watermark as negative lag', async () => {
    const admin = fakeAdmin({ received: [{ low: '0', high: '5', committed: { v: '7' } }] });
    assert.equal((await groupLag(admin, { groupId: 'v', topic: 'received' })).lag, 0);
  });
});

describe('pipelineLag', () => {
  it('adds the lags of every stage', async () => {
    const admin = fakeAdmin({
      received: [{ low: '0', high: '30', committed: { v: '20' } }],
      verified: [{ low: '0', high: '20', committed: { r: '5', v: '0' } }],
    });
    const lag = await pipelineLag(admin, [
      { groupId: 'v', topic: 'received' },
      { groupId: 'r', topic: 'verified' },
    ]);
    assert.deepEqual([lag.lag, lag.stages.map((stage) => stage.lag)], [25, [10, 15]]);
  });
});
