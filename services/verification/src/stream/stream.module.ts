/*
 * Wiring: import `StreamModule` in the verification service's AppModule after `PlatformModule.register(context)`:
 *   imports: [PlatformModule.register(context), …, StreamModule]
 * It needs only the platform's global KAFKA_CLIENT, and reads its own settings from the environment at start-up
 * (stream.config.ts: VERIFICATION_STREAM_MAX_BUFFERED_BYTES; a bad value aborts the
 * start with CONFIG_INVALID). It serves `GET /verifications/stream` and exports VERIFICATION_FANOUT, through which
 * another module may push its own outcomes early; the `verifications.v1` topic stays the source of truth.
 */
import { Module } from '@nestjs/common';
import type { KafkaClient } from '@metrochain/messaging';
import { KAFKA_CLIENT } from '@metrochain/service-kit';
import { type StreamConfig, loadStreamConfig } from './stream.config';
import { StreamController } from './stream.controller';
import { StreamHub } from './stream-hub';
import { VERIFICATION_FANOUT } from './verification-fanout';
import { VerificationFeed } from './verification-feed';

export const STREAM_CONFIG = 'METROCHAIN_VERIFICATION_STREAM_CONFIG';

/** The auditors' server-sent-events stream of every verification outcome, from every instance. */
@Module({
  controllers: [StreamController],
  providers: [
    { provide: STREAM_CONFIG, useFactory: (): StreamConfig => loadStreamConfig() },
    {
      provide: StreamHub,
      useFactory: (config: StreamConfig): StreamHub =>
        new StreamHub({ maxBufferedBytes: config.maxBufferedBytes }),
      inject: [STREAM_CONFIG],
    },
    { provide: VERIFICATION_FANOUT, useExisting: StreamHub },
    {
      provide: VerificationFeed,
      useFactory: (kafka: KafkaClient, hub: StreamHub): VerificationFeed =>
        new VerificationFeed({ kafka, fanout: hub, enabled: true }),
      inject: [KAFKA_CLIENT, StreamHub],
    },
  ],
  exports: [VERIFICATION_FANOUT],
})
export class StreamModule {}
