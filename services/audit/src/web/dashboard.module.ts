import { Module } from '@nestjs/common';
import { ExplorerModule } from '../explorer/explorer.module';
import { ProofsModule } from '../proofs/proofs.module';
import { ReceiptsModule } from '../receipts/receipts.module';
import { SessionModule } from '../session/session.module';
import { WebModule } from './web.module';

/** The auditors' dashboard and the public receipt page: pages, session, explorer, registry, proofs. */
@Module({ imports: [WebModule, SessionModule, ExplorerModule, ReceiptsModule, ProofsModule] })
export class DashboardModule {}
