import type { Network } from '@hyperledger/fabric-gateway';
import { type DecodedBlock, decodeBlock, toLedgerError } from '@metrochain/ledger';

const QSCC = 'qscc';

/** Blocks read on demand through the query system chaincode of the audit's own org. */
export class LedgerBlocks {
  readonly #network: Pick<Network, 'getContract' | 'getName'>;

  constructor(network: Pick<Network, 'getContract' | 'getName'>) {
    this.#network = network;
  }

  blockByNumber(blockNumber: number): Promise<DecodedBlock> {
    return this.#query('GetBlockByNumber', String(blockNumber));
  }

  /** The block holding the transaction (NOT_FOUND as a LedgerError when no block does). */
  blockByTxId(txId: string): Promise<DecodedBlock> {
    return this.#query('GetBlockByTxID', txId);
  }

  async #query(name: string, argument: string): Promise<DecodedBlock> {
    try {
      const bytes = await this.#network
        .getContract(QSCC)
        .evaluateTransaction(name, this.#network.getName(), argument);
      return decodeBlock(bytes);
    } catch (error) {
      throw toLedgerError(error);
    }
  }
}
