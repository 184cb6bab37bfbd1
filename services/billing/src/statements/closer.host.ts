import { type BeforeApplicationShutdown, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { StatementCloser } from './statement-closer';

const logger = new Logger('StatementCloser');

/** Runs the closer every `intervalMs`, one pass at a time, from start-up until shutdown. */
export class CloserHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly #closer: Pick<StatementCloser, 'tick'>;
  readonly #intervalMs: number;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(closer: Pick<StatementCloser, 'tick'>, intervalMs: number) {
    this.#closer = closer;
    this.#intervalMs = intervalMs;
  }

  onApplicationBootstrap(): void {
    this.#timer = setInterval(() => {
      this.#running ??= this.#closer
        .tick()
        .catch((error: unknown) => {
          logger.error(`closing pass failed: ${String(error)}`);
        })
        .finally(() => {
          this.#running = undefined;
        });
    }, this.#intervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
  }
}
