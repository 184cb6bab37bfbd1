import type { Context } from 'fabric-contract-api';
import Long from 'long';
import { FakeShimHandler } from './fake-shim-handler';

type KV = Readonly<{ namespace: string; key: string; value: Uint8Array }>;
type NextResult = Readonly<{ value: KV; done: false }> | Readonly<{ value: undefined; done: true }>;

export type StubIterator = Readonly<{ next: () => Promise<NextResult>; close: () => Promise<void> }>;
export type RecordedEvent = Readonly<{ name: string; payload: string }>;

const COMPOSITE_KEY_SEPARATOR = '\u0000';

/**
 * Just enough of ChaincodeStub for unit tests, over a Map shared between transactions. Unlike a peer it makes a
 * write visible to later reads of the same transaction; the tests never rely on either behaviour.
 */
export class MemoryChaincodeStub {
  readonly state: Map<string, Uint8Array>;
  readonly events: RecordedEvent[] = [];
  readonly writtenKeys: string[] = [];
  openIterators = 0;
  /** What fabric-shim's stub calls `handler`: here it answers the many-key messages (see common/state-batch). */
  readonly handler: FakeShimHandler;
  readonly #txId: string;
  readonly #txTime: Readonly<{ seconds: number; nanos: number }>;
  readonly #transient: ReadonlyMap<string, Uint8Array>;

  constructor(
    options: Readonly<{
      state: Map<string, Uint8Array>;
      txId: string;
      seconds: number;
      nanos: number;
      transient?: Readonly<Record<string, string>>;
    }>,
  ) {
    this.state = options.state;
    this.#transient = new Map(
      Object.entries(options.transient ?? {}).map(([key, value]) => [key, Buffer.from(value, 'utf8')]),
    );
    this.#txId = options.txId;
    this.#txTime = { seconds: options.seconds, nanos: options.nanos };
    this.handler = new FakeShimHandler(this.state, (key) => this.writtenKeys.push(key));
  }

  getState(key: string): Promise<Uint8Array> {
    return Promise.resolve(this.state.get(key) ?? new Uint8Array());
  }

  putState(key: string, value: Uint8Array): Promise<void> {
    this.state.set(key, Uint8Array.from(value));
    this.writtenKeys.push(key);
    return Promise.resolve();
  }

  createCompositeKey(objectType: string, attributes: string[]): string {
    return (
      [objectType, ...attributes].map((part) => COMPOSITE_KEY_SEPARATOR + part).join('') +
      COMPOSITE_KEY_SEPARATOR
    );
  }

  getStateByPartialCompositeKey(objectType: string, attributes: string[]): Promise<StubIterator> {
    const prefix = this.createCompositeKey(objectType, attributes);
    const matches = [...this.state.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([left], [right]) => (left < right ? -1 : 1));
    this.openIterators += 1;
    let index = 0;
    return Promise.resolve({
      next: (): Promise<NextResult> => {
        const entry = matches[index++];
        const result: NextResult =
          entry === undefined
            ? { value: undefined, done: true }
            : { value: { namespace: 'metrochain', key: entry[0], value: entry[1] }, done: false };
        return Promise.resolve(result);
      },
      close: (): Promise<void> => {
        this.openIterators -= 1;
        return Promise.resolve();
      },
    });
  }

  /** The proposal's transient map: values as the client sent them (here UTF-8 of the given strings). */
  getTransient(): Map<string, Uint8Array> {
    return new Map(this.#transient);
  }

  getTxID(): string {
    return this.#txId;
  }

  getChannelID(): string {
    return 'nmichannel';
  }

  getTxTimestamp(): Readonly<{ seconds: Long; nanos: number }> {
    return { seconds: Long.fromNumber(this.#txTime.seconds, true), nanos: this.#txTime.nanos };
  }

  setEvent(name: string, payload: Uint8Array): void {
    this.events.push({ name, payload: Buffer.from(payload).toString('utf8') });
  }
}

/** The caller: an MSP id and certificate attributes. */
export class FakeClientIdentity {
  readonly #mspId: string;
  readonly #attributes: ReadonlyMap<string, string>;

  constructor(mspId: string, attributes: Readonly<Record<string, string>>) {
    this.#mspId = mspId;
    this.#attributes = new Map(Object.entries(attributes));
  }

  getMSPID(): string {
    return this.#mspId;
  }

  getAttributeValue(name: string): string | null {
    return this.#attributes.get(name) ?? null;
  }
}

export type StubContextOptions = Readonly<{
  state?: Map<string, Uint8Array>;
  mspId?: string;
  attributes?: Readonly<Record<string, string>>;
  txId?: string;
  /** Transaction time as Unix seconds and nanoseconds. */
  seconds?: number;
  nanos?: number;
  /** The proposal's transient map, each value sent as UTF-8. */
  transient?: Readonly<Record<string, string>>;
}>;

export type StubContext = Readonly<{ ctx: Context; stub: MemoryChaincodeStub }>;

/** One transaction's context; pass the same `state` to several to model a sequence of committed transactions. */
export function newStubContext(options: StubContextOptions = {}): StubContext {
  const stub = new MemoryChaincodeStub({
    state: options.state ?? new Map<string, Uint8Array>(),
    txId: options.txId ?? 'tx-1',
    seconds: options.seconds ?? 1_767_225_600,
    nanos: options.nanos ?? 0,
    ...(options.transient === undefined ? {} : { transient: options.transient }),
  });
  const clientIdentity = new FakeClientIdentity(options.mspId ?? 'PTBMSP', options.attributes ?? {});
  // The contract code only touches the members implemented above.
  const ctx = { stub, clientIdentity } as unknown as Context;
  return { ctx, stub };
}
