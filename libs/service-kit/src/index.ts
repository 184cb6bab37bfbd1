export {
  type BootstrapServiceOptions,
  type StartedService,
  bootstrapService,
  startService,
} from './bootstrap/bootstrap-service';
export { type HttpAppOptions, OPENAPI_PATH, createHttpApp } from './bootstrap/create-http-app';
export { type ServiceContextOptions, createServiceContext } from './bootstrap/service-context.factory';
export {
  STARTUP_FAILED,
  type StartupFailure,
  describeStartupFailure,
  logStartupFailure,
} from './bootstrap/startup-failure';
export {
  DEFAULT_ORG,
  type PlatformConfig,
  type PlatformConfigSchema,
  type PlatformEnv,
  type PlatformEnvSchema,
  platformConfigSchema,
  platformEnvSchema,
  toPlatformConfig,
} from './config/platform-config';
export { HealthController } from './health/health.controller';
export { type Liveness, livenessSchema } from './health/liveness';
export { KAFKA_ADMIN, KAFKA_CLIENT, REDIS_CLIENT, SERVICE_CONTEXT } from './platform.tokens';
export { PlatformModule } from './platform.module';
export {
  DEFAULT_PROBE_TIMEOUT_MS,
  type LedgerCheck,
  type RedisPing,
  describeFailure,
  probeKafka,
  probeLedger,
  probeRedis,
} from './readiness/probes';
export {
  type DependencyHealth,
  READINESS_CHECKS,
  type ReadinessCheckName,
  type ReadinessChecks,
  type ReadinessReport,
  aggregateReadiness,
  dependencyHealthSchema,
  type Degradation,
  degradationSchema,
  readinessChecksSchema,
  readinessReportSchema,
} from './readiness/readiness';
export { type DegradationSource, ReadinessService } from './readiness/readiness.service';
export { closeRedis } from './redis/redis.provider';
export { type ServiceContext, mspIdOf } from './service-context';
export { type ErrorAnswer, type HttpStatusOf, HttpErrorFilter, answerOf } from './http/http-error.filter';
export { PLATFORM_ERROR_STATUS } from './http/platform-error-status';
export { ErrorBodyDto } from './http/error-body.dto';
export { ZodParam, documentStrictObjects, zodDto } from './http/zod-dto';
export { BodyLimit, RouteBodyLimits } from './http/route-body-limits';
export { parseRequest } from './http/parse-request';
export { EVENT_STREAM_CONTENT } from './http/event-stream';
export { type ErrorBody } from '@metrochain/contracts';
export { errorFilterProviders } from './access/access.providers';
export { ACCESS_EXTENSION, type AccessPolicy, Allow, BEARER_SCHEME, Public } from './access/access-policy';
export {
  type AuthenticatedRequest,
  AccessGuard,
  CSRF_HEADER,
  SESSION_COOKIE,
  sessionCookieOf,
} from './access/access.guard';
export { CurrentPrincipal } from './access/current-principal';
export { ROUTE_POLICY_MISSING, RoutePolicyCheck } from './access/route-policy-check';
export { TokenVerifier, TOKEN_ALGORITHM } from './access/token-verifier';
export { ConsumerHost } from './kafka/consumer-host';
export { type RetryOptions, retryUntilDone } from './retry/retry-until-done';
export { LR_FINGERPRINT_FILE_ENV, readBuildVersion, readLrFingerprint } from './version/build-version';
export { SERVICE_VERSION, VersionController } from './version/version.controller';
export { HTTP_DURATION_BUCKETS, METRIC_PREFIX, Metrics } from './metrics/metrics';
export {
  HTTP_DURATION_METRIC,
  UNMATCHED_ROUTE,
  HttpMetricsHook,
  httpObservation,
} from './metrics/http-metrics';
export { MetricsController } from './metrics/metrics.controller';
export { CONSUMER_LAG_METRIC, platformMetrics } from './metrics/platform-metrics';
