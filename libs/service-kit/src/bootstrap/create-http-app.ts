import type { DynamicModule, NestApplicationOptions, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { type Logger, NestPinoLogger } from '@metrochain/observability';
import { BEARER_SCHEME } from '../access/access-policy';
import { documentStrictObjects } from '../http/zod-dto';
import { addPlatformResponses } from './platform-responses';

export const OPENAPI_PATH = 'docs';
const MAX_PARAM_LENGTH = 2048;

export interface HttpAppOptions {
  serviceName: string;
  module: DynamicModule | Type;
  logger: Logger;
}

/**
 * The Nest application of a service: Fastify, the pino logger for Nest's own lines, shutdown hooks (SIGTERM and
 * SIGINT close the application, and with it Kafka, Redis and the ledger), and the OpenAPI document at `/docs`
 * (UI), `/docs-json` and `/docs-yaml`. Start-up errors propagate to the caller, which logs them with their code, instead of Nest exiting the process.
 */
export async function createHttpApp(options: Readonly<HttpAppOptions>): Promise<NestFastifyApplication> {
  // Nest declares its options as a class but only ever reads them as a plain object.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const nestOptions: NestApplicationOptions = {
    logger: new NestPinoLogger(options.logger),
    abortOnError: false,
  };
  const app = await NestFactory.create<NestFastifyApplication>(
    options.module,
    // Path parameters longer than Fastify's default of 100 characters reach the handlers, which answer them with
    // REQUEST_INVALID like any other bad parameter instead of Fastify's own 414 body.
    new FastifyAdapter({ maxParamLength: MAX_PARAM_LENGTH }),
    nestOptions,
  );
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`metrochain ${options.serviceName}`)
      .setDescription(`HTTP API of the ${options.serviceName} service`)
      .setVersion('1')
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A token issued by an NMI (docs/identity.md).',
        },
        BEARER_SCHEME,
      )
      .build(),
  );
  // The DTOs are generated from the zod schemas (createZodDto); the clean-up turns nestjs-zod's markers into plain
  // OpenAPI, e.g. a DTO of a union schema becomes that union instead of an object with a `root` property.
  // nestjs-zod's generator for zod 3 schemas leaves out what it cannot see: `.strict()` (documentStrictObjects
  // adds it from the schemas), a refinement's rule (timestamps document their pattern instead), the value of a
  // boolean literal, and a union's discriminator (its branches still carry the literal enum). Last, the answers
  // of the platform itself (guard, limits, body parser) go on every operation.
  const complete = addPlatformResponses(cleanupOpenApiDoc(documentStrictObjects(document)));
  SwaggerModule.setup(OPENAPI_PATH, app, complete);
  return app;
}
