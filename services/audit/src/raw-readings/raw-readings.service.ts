import {
  AuditReexecutionErrorCode,
  type MeasurementRecord,
  type RawReadingResponse,
  readingDigestOf,
} from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import { type DecodedBlock, isLedgerError } from '@metrochain/ledger';
import type { LedgerBlocks } from '../block-feed/ledger-blocks';
import { recordBatchOf } from '../reexecution/recorded-readings';
import type { RawReadingIndex } from './raw-reading-index';

export interface RawReadingsOptions {
  /** The record on the ledger (its digest and tx id are what the raw data is checked against). */
  measurement: (meterId: string, seq: number) => Promise<MeasurementRecord>;
  blocks: Pick<LedgerBlocks, 'blockByNumber' | 'blockByTxId'>;
  index: Pick<RawReadingIndex, 'place'>;
}

/**
 * The raw signed reading of a record, read from the block of the recordBatch transaction that recorded it (the
 * blocks are the store, docs/audit.md), with its digest recomputed against the record's `readingDigest`.
 */
export class RawReadingsService {
  readonly #options: RawReadingsOptions;

  constructor(options: RawReadingsOptions) {
    this.#options = options;
  }

  async get(meterId: string, seq: number): Promise<RawReadingResponse> {
    const record = await this.#record(meterId, seq);
    const block = await this.#blockOf(record);
    const decoded = block.transactions.find((tx) => tx.txId === record.txId);
    const recorded = (
      decoded === undefined ? undefined : recordBatchOf(decoded, block.number)
    )?.recorded.find((item) => item.reading.meterId === meterId && item.reading.seq === seq);
    if (decoded === undefined || recorded === undefined) {
      throw new DomainError({
        code: AuditReexecutionErrorCode.RAW_READING_UNKNOWN,
        message: `transaction ${record.txId} in block ${String(block.number)} holds no recorded ${meterId} seq ${String(seq)}`,
        details: { meterId, seq, txId: record.txId },
      });
    }
    const computedDigest = readingDigestOf(recorded.reading);
    return {
      meterId,
      seq,
      reading: recorded.reading,
      txId: record.txId,
      blockNumber: block.number,
      chaincode: decoded.chaincode ?? '',
      ledgerDigest: record.readingDigest,
      computedDigest,
      digestMatches: computedDigest === record.readingDigest,
      lrFingerprint: record.lrFingerprint,
    };
  }

  async #record(meterId: string, seq: number): Promise<MeasurementRecord> {
    try {
      return await this.#options.measurement(meterId, seq);
    } catch (error) {
      if (isLedgerError(error) && error.code === 'MEASUREMENT_NOT_FOUND') {
        throw new DomainError({
          code: AuditReexecutionErrorCode.RAW_READING_UNKNOWN,
          message: `no recorded reading ${meterId} seq ${String(seq)}`,
          details: { meterId, seq },
          cause: error,
        });
      }
      throw error;
    }
  }

  async #blockOf(record: Readonly<MeasurementRecord>): Promise<DecodedBlock> {
    const place = await this.#options.index.place(record.meterId, record.seq);
    if (place?.txId === record.txId) {
      return this.#options.blocks.blockByNumber(place.blockNumber);
    }
    return this.#options.blocks.blockByTxId(record.txId);
  }
}
