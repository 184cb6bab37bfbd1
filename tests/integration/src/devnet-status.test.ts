import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectStatus } from '@metrochain/devnet';

describe('devnet status', () => {
  it('reports every process of the network alive and healthy', async () => {
    const rows = await collectStatus();
    const byKind = (kind: string): string[] =>
      rows
        .filter((r) => r.kind === kind)
        .map((r) => r.name)
        .sort();
    assert.deepEqual(byKind('orderer'), ['orderer1', 'orderer2', 'orderer3']);
    assert.deepEqual(byKind('peer'), ['peer0.inmetro', 'peer0.ptb', 'peer1.inmetro', 'peer1.ptb']);
    assert.deepEqual(byKind('chaincode'), ['chaincode-inmetro', 'chaincode-ptb']);
    assert.deepEqual(byKind('kafka'), ['kafka-1']);
    assert.deepEqual(byKind('redis'), ['redis']);
    for (const row of rows) {
      assert.ok(row.alive && row.healthy, `${row.name} is alive and healthy`);
    }
  });
});
