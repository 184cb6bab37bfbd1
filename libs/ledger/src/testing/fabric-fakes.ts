import { Metadata, type ServiceError, status as GrpcStatus } from '@grpc/grpc-js';
import type {
  ChaincodeEvent,
  ProposalOptions,
  CloseableAsyncIterable,
  ErrorDetail,
  Status,
  SubmittedTransaction,
} from '@hyperledger/fabric-gateway';
import { GatewayError } from '@hyperledger/fabric-gateway';

/** Test doubles shaped like fabric-gateway's objects; used by the specs only. */
export function serviceError(code: GrpcStatus, message: string): ServiceError {
  return Object.assign(new Error(`${String(code)} ${GrpcStatus[code]}: ${message}`), {
    code,
    details: message,
    metadata: new Metadata(),
  });
}

export function errorDetail(message: string, mspId = 'PTBMSP'): ErrorDetail {
  return { address: 'peer0.ptb.metrochain.local:18000', mspId, message };
}

/** fabric-gateway exports SubmitError as a type only; this has its name and shape. */
export class FakeSubmitError extends GatewayError {
  transactionId: string;

  constructor(
    properties: Readonly<{
      code: number;
      details: ErrorDetail[];
      cause: ServiceError;
      transactionId: string;
      message?: string;
    }>,
  ) {
    super(properties);
    this.name = 'SubmitError';
    this.transactionId = properties.transactionId;
  }
}

export function submittedTransaction(result: Uint8Array, status: Partial<Status> = {}): SubmittedTransaction {
  const fullStatus: Status = { blockNumber: 7n, code: 0, successful: true, transactionId: 'tx-1', ...status };
  return {
    getResult: (): Uint8Array => result,
    getStatus: (): Promise<Status> => Promise.resolve(fullStatus),
    getTransactionId: (): string => fullStatus.transactionId,
    getBytes: (): Uint8Array => new Uint8Array(),
    getDigest: (): Uint8Array => new Uint8Array(),
  };
}

export function chaincodeEvent(
  blockNumber: bigint,
  transactionId: string,
  payload: unknown = {},
): ChaincodeEvent {
  return {
    blockNumber,
    transactionId,
    chaincodeName: 'metrochain',
    eventName: 'governance.software.approved',
    payload: new TextEncoder().encode(JSON.stringify(payload)),
  };
}

/**
 * An event stream that yields the given events, then waits like a live stream until closed; closing it makes the
 * pending read fail with CANCELLED, as gRPC does.
 */
export class FakeEventStream implements CloseableAsyncIterable<ChaincodeEvent> {
  closeCount = 0;
  readonly #events: ChaincodeEvent[];
  readonly #failure: Error | undefined;
  #wake: (() => void) | undefined;

  constructor(events: ChaincodeEvent[], failure?: Error) {
    this.#events = events;
    this.#failure = failure;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<ChaincodeEvent> {
    for (const event of this.#events) {
      yield event;
    }
    if (this.#failure !== undefined) {
      throw this.#failure;
    }
    if (this.closeCount === 0) {
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
    throw serviceError(GrpcStatus.CANCELLED, 'Cancelled on client');
  }

  close(): void {
    this.closeCount += 1;
    this.#wake?.();
  }

  [Symbol.dispose](): void {
    this.close();
  }
}

export const jsonBytes = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));

/** A contract that records every call, answers evaluations with `evaluateResult` and submissions with `submitted`. */
export class FakeContract {
  readonly evaluations: unknown[][] = [];
  readonly submissions: [string, ProposalOptions | undefined][] = [];

  constructor(
    private readonly evaluateResult: () => Promise<Uint8Array>,
    private readonly submitted: SubmittedTransaction,
  ) {}

  evaluateTransaction(name: string, ...args: (string | Uint8Array)[]): Promise<Uint8Array> {
    this.evaluations.push([name, ...args]);
    return this.evaluateResult();
  }

  submitAsync(name: string, options?: ProposalOptions): Promise<SubmittedTransaction> {
    this.submissions.push([name, options]);
    return Promise.resolve(this.submitted);
  }
}
