import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, type ServiceContext } from '@metrochain/service-kit';
import type { AuditConfig } from './config/audit.config';
import { FindingsModule } from './findings/findings.module';
import { auditHttpStatus } from './http/audit-http-status';
import { NetworkHealthModule } from './network-health/network-health.module';
import { RawReadingsModule } from './raw-readings/raw-readings.module';
import { ReexecutionModule } from './reexecution/reexecution.module';
import { SoftwareApprovalsModule } from './software-approvals/software-approvals.module';
import { SurveillanceModule } from './surveillance/surveillance.module';
import { TracesModule } from './traces/traces.module';
import { VerificationLogModule } from './verification-log/verification-log.module';
import { DashboardModule } from './web/dashboard.module';

/** Wiring only: the platform (own ledger identity, Kafka, Redis, health) and the feature modules. */
@Module({})
export class AppModule {
  static register(context: ServiceContext<AuditConfig>): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.register(context, { errorStatus: auditHttpStatus }),
        FindingsModule,
        SoftwareApprovalsModule,
        NetworkHealthModule,
        SurveillanceModule,
        TracesModule,
        ReexecutionModule,
        RawReadingsModule,
        VerificationLogModule,
        DashboardModule,
      ],
    };
  }
}
