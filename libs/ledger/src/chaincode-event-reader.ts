import {
  type ChaincodeEvent,
  type Checkpointer,
  type Network,
  checkpointers,
} from '@hyperledger/fabric-gateway';
import type { z } from 'zod';
import { decodeJson } from './decode-result';
import { toLedgerError } from './to-ledger-error';

export type ChaincodeEventSource = Pick<Network, 'getChaincodeEvents'>;

export interface ChaincodeEventReaderOptions {
  network: ChaincodeEventSource;
  chaincode: string;
  checkpointer: Checkpointer;
  /** Where to start when the checkpointer holds no position yet; a saved checkpoint wins. */
  startBlock?: bigint;
}

export type ChaincodeEventHandler = (event: ChaincodeEvent) => Promise<void>;

/**
 * Reads a chaincode's events from a checkpoint. An event is checkpointed only after its handler returned (or, when
 * iterating, once the loop body finished and asks for the next event), so a crash replays it rather than losing it:
 * handlers must be idempotent. The event stream is closed however the reading ends.
 */
export class ChaincodeEventReader implements AsyncIterable<ChaincodeEvent> {
  readonly #network: ChaincodeEventSource;
  readonly #chaincode: string;
  readonly #checkpointer: Checkpointer;
  readonly #startBlock: bigint | undefined;

  constructor(options: Readonly<ChaincodeEventReaderOptions>) {
    this.#network = options.network;
    this.#chaincode = options.chaincode;
    this.#checkpointer = options.checkpointer;
    this.#startBlock = options.startBlock;
  }

  [Symbol.asyncIterator](): AsyncIterator<ChaincodeEvent> {
    return this.events();
  }

  /** Events until the stream fails (as a LedgerError) or `signal` aborts (then it just ends). */
  async *events(signal?: AbortSignal): AsyncGenerator<ChaincodeEvent, void, undefined> {
    if (isAborted(signal)) {
      return;
    }
    const stream = await this.#open();
    const stopReading = (): void => {
      stream.close();
    };
    signal?.addEventListener('abort', stopReading, { once: true });
    try {
      for await (const event of stream) {
        // A closed stream may still hand out events it had buffered; none is delivered after an abort.
        if (isAborted(signal)) {
          break;
        }
        yield event;
        await this.#checkpointer.checkpointChaincodeEvent(event);
      }
    } catch (error) {
      // Closing the stream on abort makes the pending read fail with CANCELLED; that is the requested end.
      if (!isAborted(signal)) {
        throw toLedgerError(error);
      }
    } finally {
      signal?.removeEventListener('abort', stopReading);
      stream.close();
    }
  }

  /** Hands each event to `handler` in order, checkpointing after each; resolves when `signal` aborts. */
  async run(handler: ChaincodeEventHandler, signal?: AbortSignal): Promise<void> {
    for await (const event of this.events(signal)) {
      await handler(event);
    }
  }

  async #open(): ReturnType<ChaincodeEventSource['getChaincodeEvents']> {
    try {
      return await this.#network.getChaincodeEvents(this.#chaincode, {
        checkpoint: this.#checkpointer,
        ...(this.#startBlock === undefined ? {} : { startBlock: this.#startBlock }),
      });
    } catch (error) {
      throw toLedgerError(error);
    }
  }
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

/** A reader whose position survives restarts in `checkpointFile`, or lives in memory when none is given. */
export async function newChaincodeEventReader(
  options: Readonly<Omit<ChaincodeEventReaderOptions, 'checkpointer'> & { checkpointFile?: string }>,
): Promise<ChaincodeEventReader> {
  const checkpointer =
    options.checkpointFile === undefined
      ? checkpointers.inMemory()
      : await checkpointers.file(options.checkpointFile);
  return new ChaincodeEventReader({ ...options, checkpointer });
}

/** Decodes an event's JSON payload with the event's contract schema; a mismatch is a LEDGER_ERROR. */
export function parseEventPayload<Schema extends z.ZodTypeAny>(
  event: ChaincodeEvent,
  schema: Schema,
): z.output<Schema> {
  return decodeJson(
    event.payload,
    schema,
    `chaincode event ${event.eventName} of transaction ${event.transactionId}`,
  );
}
