import { type BeforeApplicationShutdown, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { TopicName } from '@metrochain/contracts';
import type { EventConsumer, EventHandler } from '@metrochain/messaging';

/**
 * Runs one EventConsumer for the application's lifetime: connects and subscribes once the application is wired
 * (a failure aborts the start with its code), and leaves the group before the platform closes Kafka and Redis, so
 * no record is being handled while they go.
 */
export class ConsumerHost<T extends TopicName> implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly #consumer: Pick<EventConsumer<T>, 'connect' | 'run' | 'stop' | 'disconnect' | 'topic'>;
  readonly #handler: EventHandler<T>;
  readonly #logger: Logger;
  #running = false;

  constructor(
    consumer: Pick<EventConsumer<T>, 'connect' | 'run' | 'stop' | 'disconnect' | 'topic'>,
    handler: EventHandler<T>,
  ) {
    this.#consumer = consumer;
    this.#handler = handler;
    this.#logger = new Logger(`Consumer ${consumer.topic}`);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.#consumer.connect();
    await this.#consumer.run(this.#handler);
    this.#running = true;
    this.#logger.log(`consuming ${this.#consumer.topic}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.#running) {
      return;
    }
    this.#running = false;
    try {
      await this.#consumer.stop();
      await this.#consumer.disconnect();
    } catch (error) {
      this.#logger.warn(`could not leave the group cleanly: ${String(error)}`);
    }
  }
}
