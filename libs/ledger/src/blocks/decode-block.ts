import { common } from '@hyperledger/fabric-protos';
import { blockDataHash, blockHeaderHash } from './block-hash';
import { type DecodedTransaction, decodeEnvelope } from './decode-transaction';

/** A block with its hashes checked against its own content and its transactions decoded. */
export interface DecodedBlock {
  number: number;
  /** SHA-256 of this block's header: what the next block names as previous hash. Hex. */
  headerHash: string;
  previousHash: string;
  dataHash: string;
  /** Whether the header's data hash is the hash of the block's data (a block altered in storage is not). */
  dataHashValid: boolean;
  transactions: DecodedTransaction[];
}

// TxValidationCode NOT_VALIDATED: a block without a filter entry for the transaction (not committed yet).
const NOT_VALIDATED = 254;

/** Decodes a block (as delivered, or its bytes as qscc GetBlockByNumber answers). */
export function decodeBlock(block: common.Block | Uint8Array): DecodedBlock {
  const decoded = block instanceof Uint8Array ? common.Block.deserializeBinary(block) : block;
  const header = decoded.getHeader();
  const fields = {
    number: header?.getNumber() ?? 0,
    previousHash: header?.getPreviousHash_asU8() ?? new Uint8Array(),
    dataHash: header?.getDataHash_asU8() ?? new Uint8Array(),
  };
  const data = decoded.getData()?.getDataList_asU8() ?? [];
  const filter = decoded.getMetadata()?.getMetadataList_asU8()[common.BlockMetadataIndex.TRANSACTIONS_FILTER];
  return {
    number: fields.number,
    headerHash: blockHeaderHash(fields).toString('hex'),
    previousHash: Buffer.from(fields.previousHash).toString('hex'),
    dataHash: Buffer.from(fields.dataHash).toString('hex'),
    dataHashValid: blockDataHash(data).equals(fields.dataHash),
    transactions: data.map((envelope, index) =>
      decodeEnvelope(envelope, index, filter?.[index] ?? NOT_VALIDATED),
    ),
  };
}
