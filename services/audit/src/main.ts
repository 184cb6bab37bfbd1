import './telemetry';
import { bootstrapService } from '@metrochain/service-kit';
import { AppModule } from './app.module';
import { loadAuditConfig } from './config/audit.config';

void bootstrapService({
  serviceName: 'audit',
  loadConfig: loadAuditConfig,
  appModule: (context) => AppModule.register(context),
});
