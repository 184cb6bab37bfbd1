import { type BeforeApplicationShutdown, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { LifecyclePublisherStatus } from '@metrochain/contracts';
import type { LifecyclePublisher } from './lifecycle-publisher';

export interface LifecyclePublisherHostOptions {
  publisher: Pick<LifecyclePublisher, 'run' | 'leading' | 'lastPublished'>;
  enabled: boolean;
  instanceId: string;
  msp: string;
}

/**
 * Runs the lifecycle publisher in the background for the application's lifetime, and stops it (releasing the lease)
 * before the platform closes Kafka, Redis and the ledger.
 */
export class LifecyclePublisherHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly #options: Readonly<LifecyclePublisherHostOptions>;
  readonly #logger = new Logger('LifecyclePublisher');
  readonly #stop = new AbortController();
  #running: Promise<void> | undefined;

  constructor(options: Readonly<LifecyclePublisherHostOptions>) {
    this.#options = options;
  }

  onApplicationBootstrap(): void {
    if (!this.#options.enabled) {
      this.#logger.log('lifecycle publishing is off for this instance');
      return;
    }
    this.#logger.log(`instance ${this.#options.instanceId} competes for the lifecycle publishing lease`);
    this.#running = this.#options.publisher.run(this.#stop.signal);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.#stop.abort();
    await this.#running;
  }

  status(): LifecyclePublisherStatus {
    const last = this.#options.publisher.lastPublished;
    return {
      instanceId: this.#options.instanceId,
      msp: this.#options.msp,
      enabled: this.#options.enabled,
      leading: this.#options.publisher.leading,
      lastPublished: last ?? null,
    };
  }
}
