import { common } from '@hyperledger/fabric-protos';
import { type DecodedBlock, type LedgerConnection, decodeBlock } from '@metrochain/ledger';

type Network = LedgerConnection['network'];

/** The test's own reads of the channel (qscc), to compare the dashboard with. */
export class LedgerReads {
  readonly #network: Network;

  constructor(network: Network) {
    this.#network = network;
  }

  async height(): Promise<number> {
    const bytes = await this.#network
      .getContract('qscc')
      .evaluateTransaction('GetChainInfo', this.#network.getName());
    return common.BlockchainInfo.deserializeBinary(bytes).getHeight();
  }

  async block(blockNumber: number): Promise<DecodedBlock> {
    const bytes = await this.#network
      .getContract('qscc')
      .evaluateTransaction('GetBlockByNumber', this.#network.getName(), String(blockNumber));
    return decodeBlock(bytes);
  }

  async processed(txId: string): Promise<Uint8Array> {
    return this.#network
      .getContract('qscc')
      .evaluateTransaction('GetTransactionByID', this.#network.getName(), txId);
  }

  /** Transactions and valid ones in blocks [0, height). */
  async counts(height: number): Promise<{ transactions: number; valid: number }> {
    let transactions = 0;
    let valid = 0;
    for (let n = 0; n < height; n++) {
      const block = await this.block(n);
      transactions += block.transactions.length;
      valid += block.transactions.filter((tx) => tx.validationCode === 'VALID').length;
    }
    return { transactions, valid };
  }
}
