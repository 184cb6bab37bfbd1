import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { GatewayError, type Network } from '@hyperledger/fabric-gateway';
import { common } from '@hyperledger/fabric-protos';
import { blockHeaderHash } from './blocks';
import { decodeChainInfo, newChainReader } from './chain-reader';
import { LedgerError } from './ledger-error';
import { serviceError } from './testing/fabric-fakes';

const sha = (text: string): Buffer => createHash('sha256').update(text).digest();

function block(number: number, data: string[], dataHash?: Buffer): common.Block {
  const header = new common.BlockHeader();
  header.setNumber(number);
  header.setPreviousHash(sha('previous'));
  header.setDataHash(dataHash ?? createHash('sha256').update(data.join('')).digest());
  const blockData = new common.BlockData();
  blockData.setDataList(data.map((entry) => Buffer.from(entry)));
  const result = new common.Block();
  result.setHeader(header);
  result.setData(blockData);
  return result;
}

interface FakeNetworkState {
  requested: bigint[];
  closed: number;
  deadlines: number[];
}

function fakeNetwork(
  blocks: common.Block[] | Error,
  chainInfo: Uint8Array | Error = new Uint8Array(),
): { network: Pick<Network, 'getName' | 'getContract' | 'newBlockEventsRequest'>; state: FakeNetworkState } {
  const state: FakeNetworkState = { requested: [], closed: 0, deadlines: [] };
  const network = {
    getName: (): string => 'nmichannel',
    getContract: (name: string) => ({
      evaluateTransaction: (transaction: string, channel: string): Promise<Uint8Array> => {
        assert.deepEqual([name, transaction, channel], ['qscc', 'GetChainInfo', 'nmichannel']);
        return chainInfo instanceof Error ? Promise.reject(chainInfo) : Promise.resolve(chainInfo);
      },
    }),
    newBlockEventsRequest: (options?: { startBlock?: bigint }) => ({
      getEvents: (callOptions?: { deadline?: number }) => {
        state.requested.push(options?.startBlock ?? -1n);
        state.deadlines.push(callOptions?.deadline ?? 0);
        if (blocks instanceof Error) {
          return Promise.reject(blocks);
        }
        return Promise.resolve({
          [Symbol.asyncIterator]: async function* () {
            yield* blocks;
            await Promise.resolve();
          },
          close: (): void => {
            state.closed += 1;
          },
        });
      },
    }),
  } as unknown as Pick<Network, 'getName' | 'getContract' | 'newBlockEventsRequest'>;
  return { network, state };
}

describe('ChainReader', () => {
  it("reads block h from the connected peer's stream, recomputes the header hash and closes the stream", async () => {
    const { network, state } = fakeNetwork([block(42, ['a', 'b']), block(43, [])]);
    const before = Date.now();
    const header = await newChainReader({ network, timeoutMs: 3_000 }).blockHeader(42);
    assert.deepEqual(state.requested, [42n]);
    assert.equal(state.closed, 1);
    assert.ok((state.deadlines[0] ?? 0) >= before + 3_000);
    assert.equal(header.number, 42);
    assert.equal(
      header.headerHash,
      blockHeaderHash({ number: 42, previousHash: sha('previous'), dataHash: sha('ab') }).toString('hex'),
    );
    assert.equal(header.previousHash, sha('previous').toString('hex'));
    assert.equal(header.dataHash, sha('ab').toString('hex'));
    assert.equal(header.dataHashValid, true);
  });

  it('notices a data hash that does not match the delivered data', async () => {
    const { network } = fakeNetwork([block(5, ['a'], sha('other'))]);
    assert.equal((await newChainReader({ network, timeoutMs: 1_000 }).blockHeader(5)).dataHashValid, false);
  });

  it('reports an unreachable peer as a retriable LEDGER_UNAVAILABLE', async () => {
    const cause = serviceError(GrpcStatus.UNAVAILABLE, 'connection refused');
    const { network } = fakeNetwork(new GatewayError({ code: cause.code, details: [], cause }));
    await assert.rejects(
      newChainReader({ network, timeoutMs: 1_000 }).blockHeader(1),
      (error) => error instanceof LedgerError && error.code === 'LEDGER_UNAVAILABLE' && error.retriable,
    );
  });

  it('fails when the stream ends before the block, and still closes it', async () => {
    const { network, state } = fakeNetwork([]);
    await assert.rejects(newChainReader({ network, timeoutMs: 1_000 }).blockHeader(9), LedgerError);
    assert.equal(state.closed, 1);
  });

  it('decodes qscc GetChainInfo (the organisation view)', async () => {
    const info = new common.BlockchainInfo();
    info.setHeight(17);
    info.setCurrentblockhash(sha('current'));
    info.setPreviousblockhash(sha('previous'));
    const { network } = fakeNetwork([], info.serializeBinary());
    const view = await newChainReader({ network, timeoutMs: 1_000 }).chainInfo();
    assert.deepEqual(view, {
      height: 17,
      currentBlockHash: sha('current').toString('hex'),
      previousBlockHash: sha('previous').toString('hex'),
    });
    assert.deepEqual(decodeChainInfo(info.serializeBinary()), view);
  });

  it('maps a qscc failure to a LedgerError', async () => {
    const { network } = fakeNetwork([], serviceError(GrpcStatus.DEADLINE_EXCEEDED, 'slow'));
    await assert.rejects(newChainReader({ network, timeoutMs: 1_000 }).chainInfo(), LedgerError);
  });
});
