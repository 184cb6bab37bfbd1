import './telemetry';
import { bootstrapService } from '@metrochain/service-kit';
import { AppModule } from './app.module';
import { loadVerificationConfig } from './config/verification.config';

void bootstrapService({
  serviceName: 'verification',
  loadConfig: loadVerificationConfig,
  appModule: (context) => AppModule.register(context),
});
