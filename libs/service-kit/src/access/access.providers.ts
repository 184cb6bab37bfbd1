import type { FactoryProvider, Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { type Logger, createLogger } from '@metrochain/observability';
import type { PlatformConfig } from '../config/platform-config';
import { ERROR_STATUS, HTTP_LOGGER, HttpErrorFilter, type HttpStatusOf } from '../http/http-error.filter';
import { SERVICE_CONTEXT } from '../platform.tokens';
import { type ServiceContext, mspIdOf } from '../service-context';
import { AccessGuard } from './access.guard';
import { ACCESS_SETTINGS, type AccessSettings } from './access-settings';
import { RoutePolicyCheck } from './route-policy-check';
import { TokenVerifier } from './token-verifier';
import { WriteThrottlerGuard } from './write-throttler.guard';

const accessSettingsProvider: FactoryProvider<AccessSettings> = {
  provide: ACCESS_SETTINGS,
  useFactory: (context: ServiceContext<PlatformConfig>): AccessSettings => ({
    verifier: new TokenVerifier(context.profile.identity.issuers),
    ownNmi: mspIdOf(context),
  }),
  inject: [SERVICE_CONTEXT],
};

/**
 * Who may call what, and the one error shape: the access guard, then the write throttler (global guards run in
 * this order), the start-up check that every route declares a policy, and the exception filter.
 */
export function accessProviders(
  context: ServiceContext<PlatformConfig>,
  errorStatus: HttpStatusOf,
): Provider[] {
  return [
    accessSettingsProvider,
    RoutePolicyCheck,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useClass: WriteThrottlerGuard },
    ...errorFilterProviders(errorStatus, createLogger(`${context.serviceName}-http`)),
  ];
}

/** The one exception filter with the service's status table; also what controller specs install. */
export function errorFilterProviders(errorStatus: HttpStatusOf, logger: Logger): Provider[] {
  return [
    { provide: ERROR_STATUS, useValue: errorStatus },
    { provide: HTTP_LOGGER, useValue: logger },
    { provide: APP_FILTER, useClass: HttpErrorFilter },
  ];
}
