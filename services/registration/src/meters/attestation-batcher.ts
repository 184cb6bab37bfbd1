import {
  type AttestBatchResult,
  type AttestRequest,
  CHAINCODE_ERROR_CODES,
  type ChaincodeErrorCode,
  attestRequestSchema,
  describeValidationIssues,
  validationIssues,
} from '@metrochain/contracts';
import {
  type CommittedTransaction,
  LedgerError,
  LedgerTransportCode,
  type RegistryClient,
  toLedgerError,
} from '@metrochain/ledger';
import type { AttestationBatchSettings } from '../config/registration.config';

export type AttestBatchPort = Pick<RegistryClient, 'attestBatch'>;

type BatchItemResult = AttestBatchResult['results'][number];

/** An attestation the ledger recorded: the meter's status after it, and the transaction that recorded it. */
export type AttestedItem = Extract<BatchItemResult, { ok: true }> & CommittedTransaction;

/** Starts a one-shot timer and returns what cancels it; injectable so that tests control time. */
export type StartTimer = (callback: () => void, delayMs: number) => () => void;

export interface AttestationBatcherOptions extends AttestationBatchSettings {
  registry: AttestBatchPort;
  startTimer?: StartTimer;
}

interface Waiting {
  /** Queue order: an answer is due once a linger timer fired after it was queued. */
  seq: number;
  request: AttestRequest;
  resolve: (item: AttestedItem) => void;
  reject: (error: unknown) => void;
}

const startRealTimer: StartTimer = (callback, delayMs) => {
  const timer = setTimeout(callback, delayMs);
  return (): void => {
    clearTimeout(timer);
  };
};

const CHAINCODE_CODES: ReadonlySet<string> = new Set(CHAINCODE_ERROR_CODES);

/**
 * Attests concurrent challenge answers together, in `attestBatch` transactions: the network commits a few dozen
 * transactions a second, and one batch carries hundreds of attestations, each checked and reported on its own.
 * A batch goes out when it is full or `lingerMs` after its first answer was queued, at most `maxInFlight` at a time.
 * A meter or nonce is never in two waiting-for-commit attestations at once: in one batch the chaincode would refuse
 * the second (DUPLICATE_IN_BATCH), in two concurrent batches their writes would conflict (MVCC) and fail one whole
 * batch; the later answer waits for the next batch instead.
 */
export class AttestationBatcher {
  readonly #registry: AttestBatchPort;
  readonly #settings: AttestationBatchSettings;
  readonly #startTimer: StartTimer;
  readonly #queue: Waiting[] = [];
  readonly #pendingMeters = new Set<string>();
  readonly #pendingNonces = new Set<string>();
  #inFlight = 0;
  #lastSeq = 0;
  #dueThrough = 0;
  #cancelLinger: (() => void) | undefined;

  constructor(options: Readonly<AttestationBatcherOptions>) {
    this.#registry = options.registry;
    this.#settings = {
      maxBatchSize: options.maxBatchSize,
      lingerMs: options.lingerMs,
      maxInFlight: options.maxInFlight,
    };
    this.#startTimer = options.startTimer ?? startRealTimer;
  }

  /**
   * Resolves once the attestation is committed; rejects with the chaincode's code when the ledger refused this
   * attestation (the rest of its batch unaffected), or with the ledger error when the whole batch failed.
   */
  attest(request: AttestRequest): Promise<AttestedItem> {
    // Checked one by one, because a single malformed attestation would make the client refuse the whole batch.
    const valid = attestRequestSchema.safeParse(request);
    if (!valid.success) {
      const issues = validationIssues(valid.error);
      return Promise.reject(
        new LedgerError({
          code: 'INVALID_ARGUMENT',
          message: `invalid request: ${describeValidationIssues(issues)}`,
          details: { issues },
        }),
      );
    }
    return new Promise<AttestedItem>((resolve, reject) => {
      this.#lastSeq += 1;
      this.#queue.push({ seq: this.#lastSeq, request: valid.data, resolve, reject });
      this.#dispatch();
    });
  }

  #dispatch(): void {
    const { maxBatchSize, maxInFlight } = this.#settings;
    while (this.#inFlight < maxInFlight) {
      const due = this.#oldestIsDue();
      // A full batch needs that many queued answers: skip the scan while there cannot be one.
      if (!due && this.#queue.length < maxBatchSize) {
        break;
      }
      const batch = this.#takeBatch(due ? 1 : maxBatchSize);
      if (batch === undefined) {
        break;
      }
      void this.#submit(batch);
    }
    this.#armLinger();
  }

  /** Removes up to maxBatchSize answers, oldest first, without a meter or nonce twice or already pending. */
  #takeBatch(minimum: number): Waiting[] | undefined {
    const meters = new Set<string>();
    const nonces = new Set<string>();
    const batch: Waiting[] = [];
    const held: Waiting[] = [];
    for (const waiting of this.#queue) {
      const { meterId, nonce } = waiting.request;
      const free = !this.#isPending(meterId, nonce) && !meters.has(meterId) && !nonces.has(nonce);
      if (free && batch.length < this.#settings.maxBatchSize) {
        meters.add(meterId);
        nonces.add(nonce);
        batch.push(waiting);
      } else {
        held.push(waiting);
      }
    }
    if (batch.length < minimum) {
      return undefined;
    }
    this.#queue.splice(0, this.#queue.length, ...held);
    return batch;
  }

  #oldestIsDue(): boolean {
    const oldest = this.#queue[0];
    return oldest !== undefined && oldest.seq <= this.#dueThrough;
  }

  #isPending(meterId: string, nonce: string): boolean {
    return this.#pendingMeters.has(meterId) || this.#pendingNonces.has(nonce);
  }

  /**
   * Keeps one timer running while an answer waits that is not due yet; when it fires, everything queued is due.
   * Answers already due wait for a free slot, or for their meter's pending batch, not for a timer.
   */
  #armLinger(): void {
    const newest = this.#queue.at(-1);
    if (newest === undefined) {
      this.#cancelLinger?.();
      this.#cancelLinger = undefined;
      return;
    }
    if (newest.seq <= this.#dueThrough || this.#cancelLinger !== undefined) {
      return;
    }
    this.#cancelLinger = this.#startTimer(() => {
      this.#cancelLinger = undefined;
      this.#dueThrough = this.#lastSeq;
      this.#dispatch();
    }, this.#settings.lingerMs);
  }

  async #submit(batch: readonly Waiting[]): Promise<void> {
    this.#inFlight += 1;
    this.#markPending(batch, true);
    try {
      const committed = await this.#registry.attestBatch({
        attestations: batch.map((waiting) => waiting.request),
      });
      settleEach(batch, committed);
    } catch (error) {
      const failure = toLedgerError(error);
      for (const waiting of batch) {
        waiting.reject(failure);
      }
    } finally {
      this.#inFlight -= 1;
      this.#markPending(batch, false);
      this.#dispatch();
    }
  }

  #markPending(batch: readonly Waiting[], pending: boolean): void {
    for (const { request } of batch) {
      if (pending) {
        this.#pendingMeters.add(request.meterId);
        this.#pendingNonces.add(request.nonce);
      } else {
        this.#pendingMeters.delete(request.meterId);
        this.#pendingNonces.delete(request.nonce);
      }
    }
  }
}

/** Hands each waiting answer its own result; results come in the order of the batch. */
function settleEach(batch: readonly Waiting[], committed: AttestBatchResult & CommittedTransaction): void {
  const { results, transactionId, blockNumber } = committed;
  const matches =
    results.length === batch.length &&
    batch.every((waiting, index) => results[index]?.meterId === waiting.request.meterId);
  batch.forEach((waiting, index) => {
    const result = results[index];
    if (!matches || result === undefined) {
      waiting.reject(
        new LedgerError({
          code: LedgerTransportCode.LEDGER_ERROR,
          message: `the results of transaction ${transactionId} do not match its attestations`,
          transactionId,
        }),
      );
    } else if (result.ok) {
      waiting.resolve({ ...result, transactionId, blockNumber });
    } else {
      waiting.reject(refusal(result, transactionId));
    }
  });
}

/** The error a single `attest` would have failed with: the chaincode's code and message. */
function refusal(result: Extract<BatchItemResult, { ok: false }>, transactionId: string): LedgerError {
  const known = CHAINCODE_CODES.has(result.code);
  return new LedgerError({
    code: known ? (result.code as ChaincodeErrorCode) : LedgerTransportCode.LEDGER_ERROR,
    message: known ? result.message : `[${result.code}] ${result.message}`,
    transactionId,
  });
}
