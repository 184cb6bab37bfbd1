import { type BeforeApplicationShutdown, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { NetworkMonitor } from './network-monitor';

const logger = new Logger('NetworkMonitor');

/** Polls every `pollMs` (one pass at a time) from start-up until shutdown, then closes the per-peer connections. */
export class NetworkMonitorHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly #monitor: Pick<NetworkMonitor, 'poll'>;
  readonly #pollMs: number;
  readonly #close: () => void;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = false;

  constructor(monitor: Pick<NetworkMonitor, 'poll'>, pollMs: number, close: () => void) {
    this.#monitor = monitor;
    this.#pollMs = pollMs;
    this.#close = close;
  }

  onApplicationBootstrap(): void {
    this.#schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
    this.#close();
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) {
      return;
    }
    this.#timer = setTimeout(() => {
      this.#running = this.#monitor
        .poll()
        .catch((error: unknown) => {
          logger.error(`network poll failed: ${String(error)}`);
        })
        .finally(() => {
          this.#running = undefined;
          this.#schedule(this.#pollMs);
        });
    }, delayMs);
  }
}
