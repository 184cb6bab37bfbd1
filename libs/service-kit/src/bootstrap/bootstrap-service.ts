import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger, type Logger } from '@metrochain/observability';
import type { PlatformConfig } from '../config/platform-config';
import type { ServiceContext } from '../service-context';
import { createHttpApp } from './create-http-app';
import { type ServiceContextOptions, createServiceContext } from './service-context.factory';
import { logStartupFailure } from './startup-failure';

export interface BootstrapServiceOptions<
  Config extends PlatformConfig,
> extends ServiceContextOptions<Config> {
  /** The service's AppModule for the validated context. */
  appModule: (context: ServiceContext<Config>) => DynamicModule;
  logger?: Logger;
}

export interface StartedService<Config extends PlatformConfig> {
  app: NestFastifyApplication;
  context: ServiceContext<Config>;
}

/**
 * `main.ts` of every service: starts it, or logs one coded fatal line and exits with status 1. The port comes from
 * the validated config (PORT, with the service's default).
 */
export async function bootstrapService<Config extends PlatformConfig>(
  options: Readonly<BootstrapServiceOptions<Config>>,
): Promise<void> {
  const logger =
    options.logger ??
    createLogger(options.serviceName, options.env === undefined ? {} : { env: options.env });
  try {
    await startService({ ...options, logger });
  } catch (error) {
    logStartupFailure(logger, error);
    process.exit(1);
  }
}

/** Builds the context, creates the application and listens; throws what went wrong. */
export async function startService<Config extends PlatformConfig>(
  options: Readonly<BootstrapServiceOptions<Config> & { logger: Logger }>,
): Promise<StartedService<Config>> {
  const context = createServiceContext(options);
  options.logger.level = context.config.logLevel;
  const app = await createHttpApp({
    serviceName: options.serviceName,
    module: options.appModule(context),
    logger: options.logger,
  });
  await app.listen({ host: context.config.host, port: context.config.port });
  options.logger.info(
    { port: context.config.port, org: context.config.org, identity: context.identity, docs: '/docs' },
    `${options.serviceName} listening on ${context.config.host}:${context.config.port}`,
  );
  return { app, context };
}
