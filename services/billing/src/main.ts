import './telemetry';
import { bootstrapService } from '@metrochain/service-kit';
import { AppModule } from './app.module';
import { loadBillingConfig } from './config/billing.config';

void bootstrapService({
  serviceName: 'billing',
  loadConfig: loadBillingConfig,
  appModule: (context) => AppModule.register(context),
});
