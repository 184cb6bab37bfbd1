import './telemetry';
import { bootstrapService } from '@metrochain/service-kit';
import { AppModule } from './app.module';
import { loadMeasurementConfig } from './config/measurement.config';

void bootstrapService({
  serviceName: 'measurement',
  loadConfig: loadMeasurementConfig,
  appModule: (context) => AppModule.register(context),
});
