import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { EventProducer } from '@metrochain/messaging';
import { shutdownTelemetry } from '@metrochain/observability';
import type { Redis } from 'ioredis';
import type { Admin } from 'kafkajs';
import { KAFKA_ADMIN, REDIS_CLIENT } from './platform.tokens';
import { closeRedis } from './redis/redis.provider';

/** Closes Kafka and Redis on shutdown (the ledger module closes its own gateway), then flushes telemetry. */
@Injectable()
export class PlatformShutdown implements OnApplicationShutdown {
  readonly #logger = new Logger('Platform');
  readonly #producer: EventProducer;
  readonly #admin: Admin;
  readonly #redis: Redis;

  constructor(
    @Inject(EventProducer) producer: EventProducer,
    @Inject(KAFKA_ADMIN) admin: Admin,
    @Inject(REDIS_CLIENT) redis: Redis,
  ) {
    this.#producer = producer;
    this.#admin = admin;
    this.#redis = redis;
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.#logger.log(`shutting down${signal === undefined ? '' : ` on ${signal}`}`);
    await Promise.all([
      this.#attempt('Kafka producer', () => this.#producer.disconnect()),
      this.#attempt('Kafka admin', () => this.#admin.disconnect()),
      this.#attempt('Redis', () => closeRedis(this.#redis)),
    ]);
    await this.#attempt('telemetry', shutdownTelemetry);
  }

  // One failing close must not keep the others open.
  async #attempt(what: string, close: () => Promise<void>): Promise<void> {
    try {
      await close();
    } catch (error) {
      this.#logger.warn(`closing ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
