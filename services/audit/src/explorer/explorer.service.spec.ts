import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExplorerBlock } from '@metrochain/contracts';
import { isDomainError } from '@metrochain/errors';
import type { DecodedBlock, DecodedTransaction } from '@metrochain/ledger';
import { createLogger } from '@metrochain/observability';
import { ExplorerService } from './explorer.service';
import type { LedgerReader } from './ledger-reader';

function decoded(number: number): DecodedBlock {
  const tx: DecodedTransaction = {
    txId: (number + 1).toString(16).padStart(64, '0'),
    index: 0,
    type: 'ENDORSER_TRANSACTION',
    channel: 'metrochain',
    timestamp: new Date(Date.UTC(2026, 11, 3, 10, 0, number)).toISOString(),
    creatorMsp: 'PTBMSP',
    validationCode: number % 2 === 0 ? 'VALID' : 'MVCC_READ_CONFLICT',
    chaincode: 'metrochain',
    function: 'registry:attest',
    args: [Buffer.from('{"meterId":"m"}')],
    endorsers: ['PTBMSP', 'InmetroMSP'],
    events: [],
  };
  return {
    number,
    headerHash: 'aa',
    previousHash: 'bb',
    dataHash: 'cc',
    dataHashValid: true,
    transactions: [tx],
  };
}

class FakeReader implements LedgerReader {
  readonly channel = 'metrochain';
  chainHeight = 3;
  reads = 0;
  height(): Promise<number> {
    return Promise.resolve(this.chainHeight);
  }
  blockByNumber(blockNumber: number): Promise<DecodedBlock> {
    this.reads += 1;
    return Promise.resolve(decoded(blockNumber));
  }
  blockByTxId(txId: string): Promise<DecodedBlock> {
    const number = parseInt(txId, 16) - 1;
    return number < this.chainHeight
      ? Promise.resolve(decoded(number))
      : Promise.reject(new Error('not found'));
  }
  chaincodes(): Promise<[]> {
    return Promise.resolve([]);
  }
}

const coded = (code: string) => (error: unknown) => isDomainError(error) && error.code === code;

describe('ExplorerService', () => {
  const logger = createLogger('spec', { level: 'silent' });

  it('indexes from block 0 in batches, then tells listeners about new blocks only', async () => {
    const reader = new FakeReader();
    const explorer = new ExplorerService({ reader, logger, catchUpBatch: 2 });
    const heard: ExplorerBlock[] = [];
    explorer.onBlock((block) => heard.push(block));
    await explorer.poll();
    assert.equal(explorer.summary().indexedHeight, 2);
    await explorer.poll();
    assert.deepEqual(explorer.summary(), {
      channel: 'metrochain',
      height: 3,
      indexedHeight: 3,
      blocks: 3,
      transactions: 3,
      valid: 2,
      invalid: 1,
    });
    reader.chainHeight = 4;
    await explorer.poll();
    assert.deepEqual(
      heard.map((block) => block.number),
      [2, 3],
    );
    assert.deepEqual(
      explorer.latest(2).map((block) => block.number),
      [3, 2],
    );
    const reads = reader.reads;
    await explorer.block(3);
    assert.equal(reader.reads, reads, 'a cached block is not read again');
  });

  it('searches by number or transaction id, with coded errors', async () => {
    const explorer = new ExplorerService({ reader: new FakeReader(), logger });
    const byNumber = await explorer.search('1');
    assert.equal(byNumber.kind === 'block' && byNumber.block.number, 1);
    const byTx = await explorer.search((2).toString(16).padStart(64, '0'));
    assert.equal(byTx.kind === 'transaction' && byTx.transaction.blockNumber, 1);
    assert.equal(byTx.kind === 'transaction' && byTx.transaction.args[0], '{"meterId":"m"}');
    await assert.rejects(explorer.search('hello'), coded('SEARCH_NOT_FOUND'));
    await assert.rejects(explorer.search('99'), coded('BLOCK_UNKNOWN'));
    await assert.rejects(explorer.search('f'.repeat(64)), coded('TRANSACTION_UNKNOWN'));
  });
});
