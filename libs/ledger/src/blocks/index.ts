export { type BlockHeaderFields, blockDataHash, blockHeaderHash } from './block-hash';
export { type DecodedBlock, decodeBlock } from './decode-block';
export {
  type DecodedChaincodeEvent,
  type DecodedTransaction,
  decodeEnvelope,
  decodeProcessedTransaction,
  validationCodeName,
} from './decode-transaction';
