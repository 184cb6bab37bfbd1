import { type BeforeApplicationShutdown, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { TopicName } from '@metrochain/contracts';
import type { BatchHandler, EventConsumer, EventHandler } from '@metrochain/messaging';

/** One event at a time, or consecutive events of a partition together (`EventConsumer.runBatches`). */
export type ConsumerHandler<T extends TopicName> = EventHandler<T> | Readonly<{ batches: BatchHandler<T> }>;

type HostedConsumer<T extends TopicName> = Pick<
  EventConsumer<T>,
  'connect' | 'run' | 'runBatches' | 'stop' | 'disconnect' | 'topic'
>;

/**
 * Runs one EventConsumer for the application's lifetime: connects and subscribes once the application is wired
 * (a failure aborts the start with its code), and leaves the group before the platform closes Kafka and Redis, so
 * no record is being handled while they go.
 */
export class ConsumerHost<T extends TopicName> implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly #consumer: HostedConsumer<T>;
  readonly #handler: ConsumerHandler<T>;
  readonly #logger: Logger;
  #running = false;

  constructor(consumer: HostedConsumer<T>, handler: ConsumerHandler<T>) {
    this.#consumer = consumer;
    this.#handler = handler;
    this.#logger = new Logger(`Consumer ${consumer.topic}`);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.#consumer.connect();
    const handler = this.#handler;
    await (typeof handler === 'function'
      ? this.#consumer.run(handler)
      : this.#consumer.runBatches(handler.batches));
    this.#running = true;
    this.#logger.log(`consuming ${this.#consumer.topic}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.#running) {
      return;
    }
    this.#running = false;
    // Disconnect even when stopping failed, or the group keeps this member until its session times out.
    try {
      await this.#consumer.stop();
    } catch (error) {
      this.#logger.warn(`could not stop consuming cleanly: ${String(error)}`);
    }
    try {
      await this.#consumer.disconnect();
    } catch (error) {
      this.#logger.warn(`could not leave the group cleanly: ${String(error)}`);
    }
  }
}
