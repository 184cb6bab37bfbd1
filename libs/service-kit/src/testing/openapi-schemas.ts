import type { DynamicModule, Type } from '@nestjs/common';
import { createLogger } from '@metrochain/observability';
import { createHttpApp } from '../bootstrap/create-http-app';

/** The parts of an OpenAPI schema object the specs look at. */
export interface OpenApiSchema {
  type?: string;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
  oneOf?: OpenApiSchema[];
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
}

/**
 * The component schemas of the document a service serves at /docs-json for `module`'s controllers, built by the
 * same createHttpApp as in production, so a spec sees what clients see.
 */
export async function openApiSchemasOf(module: DynamicModule | Type): Promise<Record<string, OpenApiSchema>> {
  const logger = createLogger('spec', { level: 'silent' });
  const app = await createHttpApp({ serviceName: 'spec', module, logger });
  try {
    await app.init();
    const response = await app.inject({ method: 'GET', url: '/docs-json' });
    return response.json<{ components: { schemas: Record<string, OpenApiSchema> } }>().components.schemas;
  } finally {
    await app.close();
  }
}

/** A component's schema, failing the spec when the document lacks it. */
export function schemaNamed(schemas: Readonly<Record<string, OpenApiSchema>>, name: string): OpenApiSchema {
  const schema = schemas[name];
  if (schema === undefined) {
    throw new Error(`the document has no component ${name}; it has ${Object.keys(schemas).join(', ')}`);
  }
  return schema;
}

/** A property's schema, failing the spec when the schema lacks it. */
export function propertyOf(schema: Readonly<OpenApiSchema>, name: string): OpenApiSchema {
  const property = schema.properties?.[name];
  if (property === undefined) {
    throw new Error(`the schema has no property ${name}`);
  }
  return property;
}

/** The pattern a string schema documents, compiled as OpenAPI reads it (ECMA-262, Unicode). */
export function patternOf(schema: Readonly<OpenApiSchema>): RegExp {
  if (schema.pattern === undefined) {
    throw new Error('the schema documents no pattern');
  }
  return new RegExp(schema.pattern, 'u');
}
