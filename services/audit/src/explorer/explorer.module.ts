import { Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { LEDGER_CONNECTION, type LedgerConnection } from '@metrochain/ledger';
import { createLogger } from '@metrochain/observability';
import { ExplorerController } from './explorer.controller';
import { ExplorerService } from './explorer.service';
import { QueryLedgerReader } from './ledger-reader';
import { ExplorerStreamController } from './stream.controller';

/** The block explorer: qscc/_lifecycle queries through the service's own identity, polled once a second. */
@Module({
  controllers: [ExplorerController, ExplorerStreamController],
  providers: [
    {
      provide: ExplorerService,
      useFactory: (connection: LedgerConnection): ExplorerService =>
        new ExplorerService({
          reader: new QueryLedgerReader(connection.network),
          logger: createLogger('audit-explorer'),
        }),
      inject: [LEDGER_CONNECTION],
    },
  ],
  exports: [ExplorerService],
})
export class ExplorerModule implements OnModuleInit, OnApplicationShutdown {
  readonly #explorer: ExplorerService;

  constructor(@Inject(ExplorerService) explorer: ExplorerService) {
    this.#explorer = explorer;
  }

  onModuleInit(): void {
    this.#explorer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.#explorer.stop();
  }
}
