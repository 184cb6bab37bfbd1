import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { LEDGER_CONNECTION, type LedgerConnection, MeasurementClient } from '@metrochain/ledger';
import { BlockFeed } from '../block-feed/block-feed';
import { BlockFeedModule } from '../block-feed/block-feed.module';
import { LedgerBlocks } from '../block-feed/ledger-blocks';
import { loadReexecutionConfig } from '../config/reexecution.config';
import { FindingsService } from '../findings/findings.service';
import { BundleStore } from './bundle-store';
import { WorkerLrExecutor } from './lr-executor';
import { ReexecutionController } from './reexecution.controller';
import { ReexecutionChecker } from './reexecution-checker';
import { ReexecutionJobs } from './reexecution-jobs';
import { ContinuousReexecution } from './reexecution.service';

const logger = new Logger('Reexecution');

/** Loads the stored bundles into the LR worker at start (the first check is not slowed), ends it with the app. */
@Injectable()
class ExecutorLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly #executor: WorkerLrExecutor;
  readonly #bundles: BundleStore;

  constructor(
    @Inject(WorkerLrExecutor) executor: WorkerLrExecutor,
    @Inject(BundleStore) bundles: BundleStore,
  ) {
    this.#executor = executor;
    this.#bundles = bundles;
  }

  onApplicationBootstrap(): void {
    for (const fingerprint of this.#bundles.list()) {
      const lookup = this.#bundles.lookup(fingerprint);
      if (lookup.ok) {
        this.#executor.run(lookup.bundle, []).catch((error: unknown) => {
          logger.warn(`bundle ${fingerprint} does not load: ${String(error)}`);
        });
      }
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.#executor.close();
  }
}

/**
 * Re-execution (docs/audit.md): every valid recordBatch the block feed hands over is re-checked — raw data against
 * its digest, the result against the LR bundle the record names — and auditors can re-run a meter's range on demand.
 */
@Module({
  imports: [BlockFeedModule],
  controllers: [ReexecutionController],
  providers: [
    {
      provide: BundleStore,
      useFactory: (): BundleStore => new BundleStore(loadReexecutionConfig().bundlesDir),
    },
    { provide: WorkerLrExecutor, useFactory: (): WorkerLrExecutor => new WorkerLrExecutor() },
    {
      provide: ReexecutionChecker,
      useFactory: (bundles: BundleStore, executor: WorkerLrExecutor, findings: FindingsService) =>
        new ReexecutionChecker(bundles, executor, findings),
      inject: [BundleStore, WorkerLrExecutor, FindingsService],
    },
    {
      provide: ContinuousReexecution,
      useFactory: (
        checker: ReexecutionChecker,
        bundles: BundleStore,
        feed: BlockFeed,
      ): ContinuousReexecution => {
        const continuous = new ContinuousReexecution({
          checker,
          bundles,
          sampleRate: loadReexecutionConfig().sampleRate,
          nextBlock: () => feed.nextBlock,
        });
        feed.register(continuous);
        return continuous;
      },
      inject: [ReexecutionChecker, BundleStore, BlockFeed],
    },
    {
      provide: ReexecutionJobs,
      useFactory: (checker: ReexecutionChecker, connection: LedgerConnection, blocks: LedgerBlocks) =>
        new ReexecutionJobs({ checker, measurements: MeasurementClient.forConnection(connection), blocks }),
      inject: [ReexecutionChecker, LEDGER_CONNECTION, LedgerBlocks],
    },
    ExecutorLifecycle,
  ],
})
export class ReexecutionModule {}
