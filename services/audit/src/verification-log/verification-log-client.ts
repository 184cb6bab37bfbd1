import {
  VerificationBatchPaths,
  type VerificationBatchResponse,
  verificationBatchResponseSchema,
} from '@metrochain/contracts';

const TIMEOUT_MS = 10_000;

/** The verification service's log, read over its public batch route. */
export class VerificationLogClient {
  readonly #baseUrl: string;

  constructor(baseUrl: string) {
    this.#baseUrl = baseUrl;
  }

  async batch(batchId: string): Promise<VerificationBatchResponse> {
    const url = this.#baseUrl + VerificationBatchPaths.batch.replace(':batchId', encodeURIComponent(batchId));
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) {
      throw new Error(`GET ${url} answered ${String(response.status)}`);
    }
    return verificationBatchResponseSchema.parse(await response.json());
  }
}
