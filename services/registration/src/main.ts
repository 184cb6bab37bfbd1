import './telemetry';
import { bootstrapService } from '@metrochain/service-kit';
import { AppModule } from './app.module';
import { loadRegistrationConfig } from './config/registration.config';

void bootstrapService({
  serviceName: 'registration',
  loadConfig: loadRegistrationConfig,
  appModule: (context) => AppModule.register(context),
});
