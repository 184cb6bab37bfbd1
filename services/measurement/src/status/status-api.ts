import {
  type ReadingStatusResponse,
  parseReadingId,
  readingStatusResponseSchema,
} from '@metrochain/contracts';
import { MeasurementErrorCode, measurementError } from '../http/measurement-error';
import type { StatusStore } from './reading-status';

/** GET /readings/:readingId: the stored status of a reading id; a malformed or unknown id is READING_UNKNOWN. */
export class StatusApi {
  readonly #store: Pick<StatusStore, 'read'>;

  constructor(store: Pick<StatusStore, 'read'>) {
    this.#store = store;
  }

  async status(readingId: string): Promise<ReadingStatusResponse> {
    const identity = parseReadingId(readingId);
    const fields = identity === undefined ? undefined : await this.#store.read(readingId);
    if (identity === undefined || fields === undefined) {
      throw measurementError(
        MeasurementErrorCode.READING_UNKNOWN,
        `no reading ${readingId.slice(0, 200)} (unknown, or its status expired)`,
      );
    }
    const response = {
      readingId,
      meterId: identity.meterId,
      seq: identity.seq,
      ...fields,
      result: fields['result'] === undefined ? undefined : (JSON.parse(fields['result']) as unknown),
      blockNumber: fields['blockNumber'] === undefined ? undefined : Number(fields['blockNumber']),
    };
    // Checked against the contract: what Redis holds is outside this process and may be from an older version.
    return readingStatusResponseSchema.parse(
      Object.fromEntries(Object.entries(response).filter(([, value]) => value !== undefined)),
    );
  }
}
