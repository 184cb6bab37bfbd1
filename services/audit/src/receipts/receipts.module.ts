import { Module } from '@nestjs/common';
import { LEDGER_CONNECTION, type LedgerConnection, RegistryClient } from '@metrochain/ledger';
import { ReceiptsController } from './receipts.controller';
import { ReceiptsService } from './receipts.service';

/** The public receipt check and the meter registry views, read from the ledger's registry contract. */
@Module({
  controllers: [ReceiptsController],
  providers: [
    {
      provide: ReceiptsService,
      useFactory: (connection: LedgerConnection): ReceiptsService =>
        new ReceiptsService(RegistryClient.forConnection(connection)),
      inject: [LEDGER_CONNECTION],
    },
  ],
})
export class ReceiptsModule {}
