import { createHash } from 'node:crypto';
import type { ChaincodeEvent } from '@hyperledger/fabric-gateway';
import type { MeterLifecycleV1 } from '@metrochain/contracts';
import type { EventSource } from './lifecycle-publisher';
import type { LeaseRedis } from './publisher-lease';
import type { LedgerPosition } from './resume-position';
import type { TopicTail } from './topic-tail.reader';

// Test doubles for the lifecycle specs: a ledger that streams events, a partitioned topic, Redis for the lease.

/** A Fabric-like transaction id: lowercase hex SHA-256. */
export function txIdOf(label: string): string {
  return createHash('sha256').update(label).digest('hex');
}

export function chaincodeEvent(
  eventName: string,
  blockNumber: bigint,
  transactionId: string,
  payload: unknown,
): ChaincodeEvent {
  return {
    blockNumber,
    transactionId,
    chaincodeName: 'metrochain',
    eventName,
    payload: new TextEncoder().encode(JSON.stringify(payload)),
  };
}

/** Streams its events from the requested block like a live event service: after the last one it waits for more. */
export class FakeLedger {
  readonly events: ChaincodeEvent[] = [];
  readonly starts: bigint[] = [];
  #wake: (() => void)[] = [];

  append(...events: ChaincodeEvent[]): void {
    this.events.push(...events);
    const waiting = this.#wake;
    this.#wake = [];
    waiting.forEach((wake) => {
      wake();
    });
  }

  readonly source: EventSource = (startBlock, signal) => this.#stream(startBlock, signal);

  async *#stream(startBlock: bigint, signal: AbortSignal): AsyncGenerator<ChaincodeEvent, void, undefined> {
    this.starts.push(startBlock);
    let next = 0;
    while (!signal.aborted) {
      const event = this.events[next];
      if (event === undefined) {
        await new Promise<void>((resolve) => {
          this.#wake.push(resolve);
          signal.addEventListener('abort', () => {
            resolve();
          });
        });
        continue;
      }
      next += 1;
      if (event.blockNumber >= startBlock) {
        yield event;
      }
    }
  }
}

/** A topic of `partitions` partitions, a meter always on the same one; its tail is what a restart reads. */
export class FakeTopic implements TopicTail {
  readonly partitions: MeterLifecycleV1[][];

  constructor(partitions = 3) {
    this.partitions = Array.from({ length: partitions }, () => []);
  }

  publish(message: MeterLifecycleV1): void {
    const index = createHash('sha256').update(message.meterId).digest().readUInt8(0) % this.partitions.length;
    this.partitions[index]?.push(message);
  }

  messages(): MeterLifecycleV1[] {
    return this.partitions.flat();
  }

  lastPublished(): Promise<LedgerPosition[]> {
    return Promise.resolve(
      this.partitions
        .map((partition) => partition.at(-1))
        .filter((message) => message !== undefined)
        .map((message) => ({
          blockNumber: message.blockNumber,
          txId: message.txId,
          meterId: message.meterId,
        })),
    );
  }
}

interface LeaseEntry {
  value: string;
  expiresAtMs: number;
}

/** The Redis commands of the lease, with expiry by the real clock; `down` makes every command fail. */
export class FakeLeaseRedis {
  readonly entries = new Map<string, LeaseEntry>();
  down = false;

  set(key: string, value: string, px: string, ms: number, nx: string): Promise<'OK' | null> {
    if (px !== 'PX' || nx !== 'NX') {
      throw new Error('the fake supports SET key value PX ms NX only');
    }
    this.#check();
    if (this.#live(key) !== undefined) {
      return Promise.resolve(null);
    }
    this.entries.set(key, { value, expiresAtMs: Date.now() + ms });
    return Promise.resolve('OK');
  }

  eval(script: string, _keys: number, key: string, holder: string, ttl?: string): Promise<number> {
    this.#check();
    const entry = this.#live(key);
    if (entry?.value !== holder) {
      return Promise.resolve(0);
    }
    if (script.includes('PEXPIRE')) {
      entry.expiresAtMs = Date.now() + Number(ttl);
    } else {
      this.entries.delete(key);
    }
    return Promise.resolve(1);
  }

  get(key: string): Promise<string | null> {
    this.#check();
    return Promise.resolve(this.#live(key)?.value ?? null);
  }

  asRedis(): LeaseRedis {
    return this as unknown as LeaseRedis;
  }

  #check(): void {
    if (this.down) {
      throw new Error('Redis is down');
    }
  }

  #live(key: string): LeaseEntry | undefined {
    const entry = this.entries.get(key);
    return entry !== undefined && entry.expiresAtMs > Date.now() ? entry : undefined;
  }
}
