import type { Network } from '@hyperledger/fabric-gateway';
import { common, peer } from '@hyperledger/fabric-protos';
import type { ChaincodeDefinition } from '@metrochain/contracts';
import { type DecodedBlock, decodeBlock } from '@metrochain/ledger';

/** What the explorer reads from the ledger, by query only (no block follower from block 0). */
export interface LedgerReader {
  readonly channel: string;
  height(): Promise<number>;
  blockByNumber(blockNumber: number): Promise<DecodedBlock>;
  blockByTxId(txId: string): Promise<DecodedBlock>;
  chaincodes(): Promise<ChaincodeDefinition[]>;
}

/**
 * qscc and _lifecycle through the audit service's own gateway connection. An evaluate may be answered by another
 * peer of the same org (the highest one); the explorer shows the channel, not one peer's view.
 */
export class QueryLedgerReader implements LedgerReader {
  readonly channel: string;
  readonly #network: Network;

  constructor(network: Network) {
    this.#network = network;
    this.channel = network.getName();
  }

  async height(): Promise<number> {
    const bytes = await this.#network.getContract('qscc').evaluateTransaction('GetChainInfo', this.channel);
    return common.BlockchainInfo.deserializeBinary(bytes).getHeight();
  }

  async blockByNumber(blockNumber: number): Promise<DecodedBlock> {
    const bytes = await this.#network
      .getContract('qscc')
      .evaluateTransaction('GetBlockByNumber', this.channel, String(blockNumber));
    return decodeBlock(bytes);
  }

  async blockByTxId(txId: string): Promise<DecodedBlock> {
    const bytes = await this.#network
      .getContract('qscc')
      .evaluateTransaction('GetBlockByTxID', this.channel, txId);
    return decodeBlock(bytes);
  }

  async chaincodes(): Promise<ChaincodeDefinition[]> {
    const args = new peer.lifecycle.QueryChaincodeDefinitionsArgs().serializeBinary();
    const bytes = await this.#network
      .getContract('_lifecycle')
      .evaluate('QueryChaincodeDefinitions', { arguments: [args] });
    return peer.lifecycle.QueryChaincodeDefinitionsResult.deserializeBinary(bytes)
      .getChaincodeDefinitionsList()
      .map((definition) => ({
        name: definition.getName(),
        version: definition.getVersion(),
        sequence: definition.getSequence(),
        endorsementPlugin: definition.getEndorsementPlugin(),
        initRequired: definition.getInitRequired(),
      }));
  }
}
