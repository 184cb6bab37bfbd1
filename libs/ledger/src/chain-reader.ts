import type { Network } from '@hyperledger/fabric-gateway';
import { common } from '@hyperledger/fabric-protos';
import { blockDataHash, blockHeaderHash } from './blocks';
import { toLedgerError } from './to-ledger-error';

/** qscc GetChainInfo as the gateway peer's organisation answers it. */
export interface ChainInfo {
  height: number;
  /** Hex header hash of the block at height − 1. */
  currentBlockHash: string;
  previousBlockHash: string;
}

/** One block's header as read from one peer's ledger, with its hashes recomputed (hex). */
export interface PeerBlockHeader {
  number: number;
  /** SHA-256 of the DER header (Fabric's BlockHeaderBytes): what the next block names as its previous hash. */
  headerHash: string;
  previousHash: string;
  dataHash: string;
  /** Whether `dataHash` is the SHA-256 of the block's data as the peer delivered it. */
  dataHashValid: boolean;
}

/** Per-peer chain reads for cross-NMI comparison. */
export interface ChainReader {
  /**
   * The organisation's view: the gateway evaluates qscc on the highest peer of its own organisation, not
   * necessarily on the connected one, so a lagging peer can hide behind its sibling (docs/audit-network.md).
   */
  chainInfo(): Promise<ChainInfo>;
  /** Block `number` delivered by the connected peer from its own ledger; fails with LEDGER_* codes. */
  blockHeader(number: number): Promise<PeerBlockHeader>;
}

export interface ChainReaderOptions {
  network: Pick<Network, 'getName' | 'getContract' | 'newBlockEventsRequest'>;
  /** How long one read may take (an unreachable or silent peer fails after it). */
  timeoutMs: number;
}

const QSCC = 'qscc';
const GET_CHAIN_INFO = 'GetChainInfo';

export function newChainReader(options: Readonly<ChainReaderOptions>): ChainReader {
  return new PeerChainReader(options);
}

class PeerChainReader implements ChainReader {
  readonly #network: ChainReaderOptions['network'];
  readonly #timeoutMs: number;

  constructor(options: Readonly<ChainReaderOptions>) {
    this.#network = options.network;
    this.#timeoutMs = options.timeoutMs;
  }

  async chainInfo(): Promise<ChainInfo> {
    try {
      const bytes = await this.#network
        .getContract(QSCC)
        .evaluateTransaction(GET_CHAIN_INFO, this.#network.getName());
      return decodeChainInfo(bytes);
    } catch (error) {
      throw toLedgerError(error);
    }
  }

  async blockHeader(number: number): Promise<PeerBlockHeader> {
    const request = this.#network.newBlockEventsRequest({ startBlock: BigInt(number) });
    try {
      const blocks = await request.getEvents({ deadline: Date.now() + this.#timeoutMs });
      try {
        const first = await blocks[Symbol.asyncIterator]().next();
        if (first.done === true) {
          throw new Error(`the peer ended the block stream before block ${String(number)}`);
        }
        return headerOf(first.value);
      } finally {
        blocks.close();
      }
    } catch (error) {
      throw toLedgerError(error);
    }
  }
}

export function decodeChainInfo(bytes: Uint8Array): ChainInfo {
  const info = common.BlockchainInfo.deserializeBinary(bytes);
  return {
    height: info.getHeight(),
    currentBlockHash: Buffer.from(info.getCurrentblockhash_asU8()).toString('hex'),
    previousBlockHash: Buffer.from(info.getPreviousblockhash_asU8()).toString('hex'),
  };
}

export function headerOf(block: common.Block): PeerBlockHeader {
  const header = block.getHeader();
  const fields = {
    number: header?.getNumber() ?? 0,
    previousHash: header?.getPreviousHash_asU8() ?? new Uint8Array(),
    dataHash: header?.getDataHash_asU8() ?? new Uint8Array(),
  };
  return {
    number: fields.number,
    headerHash: blockHeaderHash(fields).toString('hex'),
    previousHash: Buffer.from(fields.previousHash).toString('hex'),
    dataHash: Buffer.from(fields.dataHash).toString('hex'),
    dataHashValid: blockDataHash(block.getData()?.getDataList_asU8() ?? []).equals(fields.dataHash),
  };
}
