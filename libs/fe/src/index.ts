/**
 * Labelled multi-client inner-product functional encryption over ristretto255 (docs/billing.md, "The scheme").
 * Meters encrypt each 15-minute reading in 32 bytes; a functional key for a tariff's weights opens the weighted
 * sum over any set of days and nothing else.
 */
export {
  BILL_BOUND,
  CIPHERTEXT_BYTES,
  FUNCTIONAL_KEY_BYTES,
  MAX_DLOG_BOUND,
  READING_BOUND,
  SEED_BYTES,
  SLOTS_PER_DAY,
} from './constants';
export { FeErrorCode, feError } from './fe-error';
export { RistrettoPoint } from './group';
export { assertCiphertext, encodeCiphertext, parseCiphertext } from './ciphertext';
export { decodeRistretto, type DecodedPoint } from './fast-decode';
export { LABEL_DST, feLabel, labelPoints, type LabelPoints } from './labels';
export { generateSeed, seedFromText, seedToText } from './seed';
export { decryptReading, encryptReading } from './reading';
export { functionalKey, parseFunctionalKey, type FunctionalKey } from './functional-key';
export {
  decodeDay,
  evaluateInnerProduct,
  evaluateInnerProductOfPoints,
  type FeDay,
  type FeDayPoints,
} from './inner-product';
export {
  DEFAULT_BABY_STEP_BITS,
  createDlogSolver,
  type DlogSolver,
  type DlogSolverOptions,
} from './dlog/solver';
export { tableFileName, type TableSource } from './dlog/table-file';
