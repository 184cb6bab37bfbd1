import { Module } from '@nestjs/common';
import { LEDGER_CONNECTION, type LedgerConnection, MeasurementClient } from '@metrochain/ledger';
import { REDIS_CLIENT, SERVICE_CONTEXT, type ServiceContext } from '@metrochain/service-kit';
import type { Redis } from 'ioredis';
import { BlockFeed } from '../block-feed/block-feed';
import { BlockFeedModule } from '../block-feed/block-feed.module';
import { LedgerBlocks } from '../block-feed/ledger-blocks';
import type { AuditConfig } from '../config/audit.config';
import { RawReadingIndex } from './raw-reading-index';
import { RawReadingsController } from './raw-readings.controller';
import { RawReadingsService } from './raw-readings.service';

/** Raw data retention: the blocks keep the signed readings; this module indexes and serves them (docs/audit.md). */
@Module({
  imports: [BlockFeedModule],
  controllers: [RawReadingsController],
  providers: [
    {
      provide: RawReadingIndex,
      useFactory: (redis: Redis, context: ServiceContext<AuditConfig>, feed: BlockFeed): RawReadingIndex => {
        const index = new RawReadingIndex(redis, context.profile.chaincode);
        feed.register(index);
        return index;
      },
      inject: [REDIS_CLIENT, SERVICE_CONTEXT, BlockFeed],
    },
    {
      provide: RawReadingsService,
      useFactory: (connection: LedgerConnection, blocks: LedgerBlocks, index: RawReadingIndex) => {
        const measurements = MeasurementClient.forConnection(connection);
        return new RawReadingsService({
          measurement: (meterId, seq) => measurements.getMeasurement(meterId, seq),
          blocks,
          index,
        });
      },
      inject: [LEDGER_CONNECTION, LedgerBlocks, RawReadingIndex],
    },
  ],
})
export class RawReadingsModule {}
