import { startTelemetry } from '@metrochain/observability';

// main.ts imports this file first, so that the SDK is registered before Nest, Kafka or Fabric code is loaded.
startTelemetry({ serviceName: 'audit' });
