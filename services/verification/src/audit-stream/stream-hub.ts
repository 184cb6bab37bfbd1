import type { VerificationRecord } from '@metrochain/contracts';

/** Where an SSE client's frames go; `write` returns false while the socket's buffer is full. */
export interface StreamSink {
  write(chunk: string): boolean;
  /** Bytes queued in the socket, not yet sent. */
  readonly pendingBytes: number;
  end(): void;
}

export interface StreamFilter {
  meterId?: string | undefined;
  outcome?: 'valid' | 'invalid' | undefined;
}

interface Client {
  sink: StreamSink;
  filter: StreamFilter;
}

/** One SSE frame: the verification id as event id, so a client can tell where it stopped. */
export function frameOf(record: VerificationRecord): string {
  return `id: ${record.verificationId}\nevent: verification\ndata: ${JSON.stringify(record)}\n\n`;
}

/**
 * Fans verification records out to the connected auditors. Slow clients never hold up the others or the Kafka
 * consumer: a client with more than `maxPendingBytes` unsent gets an `overflow` event and is disconnected (it may
 * reconnect; the durable history is the `verifications.v1` topic).
 */
export class StreamHub {
  readonly #clients = new Set<Client>();
  readonly #maxPendingBytes: number;

  constructor(maxPendingBytes = 4 * 1024 * 1024) {
    this.#maxPendingBytes = maxPendingBytes;
  }

  get size(): number {
    return this.#clients.size;
  }

  /** Adds a client; the returned function removes it. */
  join(sink: StreamSink, filter: StreamFilter): () => void {
    const client: Client = { sink, filter };
    this.#clients.add(client);
    sink.write('retry: 2000\n\n');
    return () => {
      this.#clients.delete(client);
    };
  }

  publish(record: VerificationRecord): void {
    let frame: string | undefined;
    for (const client of this.#clients) {
      if (!matches(client.filter, record)) {
        continue;
      }
      if (client.sink.pendingBytes > this.#maxPendingBytes) {
        this.#drop(client);
        continue;
      }
      frame ??= frameOf(record);
      client.sink.write(frame);
    }
  }

  /** A comment line every client ignores, so proxies keep idle connections open. */
  keepAlive(): void {
    for (const client of this.#clients) {
      client.sink.write(': keep-alive\n\n');
    }
  }

  /** Ends every stream (shutdown). */
  close(): void {
    for (const client of [...this.#clients]) {
      this.#clients.delete(client);
      client.sink.end();
    }
  }

  #drop(client: Client): void {
    this.#clients.delete(client);
    client.sink.write('event: overflow\ndata: {"reason":"client too slow; reconnect"}\n\n');
    client.sink.end();
  }
}

function matches(filter: StreamFilter, record: VerificationRecord): boolean {
  return (
    (filter.meterId === undefined || filter.meterId === record.meterId) &&
    (filter.outcome === undefined || filter.outcome === record.outcome)
  );
}
