import { type BeforeApplicationShutdown, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { RecorderConsumer } from './recorder-consumer';

/** Runs the recorder for the application's lifetime; it stops before the platform closes Kafka, Redis and the ledger. */
export class RecorderHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly #consumer: Pick<RecorderConsumer, 'start' | 'stop'>;
  readonly #logger = new Logger('Recorder');
  #running = false;

  constructor(consumer: Pick<RecorderConsumer, 'start' | 'stop'>) {
    this.#consumer = consumer;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.#consumer.start();
    this.#running = true;
    this.#logger.log('recording readings.verified.v1');
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.#running) {
      return;
    }
    this.#running = false;
    try {
      await this.#consumer.stop();
    } catch (error) {
      this.#logger.warn(`could not stop recording cleanly: ${String(error)}`);
    }
  }
}
