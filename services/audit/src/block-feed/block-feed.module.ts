import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { LEDGER_CONNECTION, type LedgerConnection } from '@metrochain/ledger';
import { REDIS_CLIENT } from '@metrochain/service-kit';
import type { Redis } from 'ioredis';
import { loadReexecutionConfig } from '../config/reexecution.config';
import { RedisBlockCheckpoint } from './block-checkpoint';
import { BlockFeed } from './block-feed';
import { LedgerBlocks } from './ledger-blocks';

const logger = new Logger('BlockFeed');

/** Starts the feed once every module registered its handlers (at bootstrap), stops it before Redis closes. */
@Injectable()
class BlockFeedLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly #feed: BlockFeed;

  constructor(@Inject(BlockFeed) feed: BlockFeed) {
    this.#feed = feed;
  }

  onApplicationBootstrap(): void {
    this.#feed.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.#feed.stop();
  }
}

/**
 * The channel's blocks from the audit's own org peer, decoded once, for every check that reads blocks (re-execution,
 * raw-data index, verification-log anchors, …): inject BlockFeed and `register` a BlockHandler in the constructor.
 */
@Module({
  providers: [
    {
      provide: BlockFeed,
      useFactory: (connection: LedgerConnection, redis: Redis): BlockFeed =>
        new BlockFeed({
          source: connection.network,
          checkpoint: new RedisBlockCheckpoint(redis),
          startBlock: loadReexecutionConfig().startBlock,
          onError: (error, handler) => {
            logger.warn(
              `${handler === undefined ? 'block stream' : `handler ${handler}`} failed, retrying: ${String(error)}`,
            );
          },
        }),
      inject: [LEDGER_CONNECTION, REDIS_CLIENT],
    },
    {
      provide: LedgerBlocks,
      useFactory: (connection: LedgerConnection): LedgerBlocks => new LedgerBlocks(connection.network),
      inject: [LEDGER_CONNECTION],
    },
    BlockFeedLifecycle,
  ],
  exports: [BlockFeed, LedgerBlocks],
})
export class BlockFeedModule {}
