import { applyDecorators } from '@nestjs/common';
import { ApiParam, type OpenAPIObject } from '@nestjs/swagger';
import { type ZodDto, createZodDto, zodV3ToOpenAPI } from 'nestjs-zod';
import { z } from 'zod';

type SchemaObject = Record<string, unknown>;

// The zod schema behind each DTO class the document uses, by class (= component) name; filled as Swagger asks.
const dtoSchemas = new Map<string, z.ZodTypeAny>();

/**
 * An OpenAPI DTO class generated from a zod schema of libs/contracts (nestjs-zod), so the document is what the
 * service validates with. nestjs-zod describes the properties of zod 3 objects but not their strictness; the
 * schema is remembered here so that `documentStrictObjects` can add `additionalProperties: false`.
 */
export function zodDto<Schema extends z.ZodTypeAny>(schema: Schema): ZodDto<Schema> {
  const base = createZodDto(schema) as ZodDto<Schema> & { _OPENAPI_METADATA_FACTORY(): unknown };
  const factory = base._OPENAPI_METADATA_FACTORY.bind(base);
  return class extends (base as unknown as new () => object) {
    static _OPENAPI_METADATA_FACTORY(): unknown {
      // `this` is the named subclass Swagger documents, e.g. `class MeterDto extends zodDto(…) {}`.
      dtoSchemas.set(this.name, schema);
      return factory();
    }
  } as unknown as ZodDto<Schema>;
}

/** A path parameter documented from the zod schema that checks it (pattern, length, enum). */
export function ZodParam(name: string, schema: z.ZodTypeAny): MethodDecorator {
  // nestjs-zod's converter for zod 3 schemas, deprecated only in favour of zod 4's own generator: it goes when the
  // contracts move to zod 4, and until then it is the one that reads these schemas.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const openApi = zodV3ToOpenAPI(schema);
  return applyDecorators(ApiParam({ name, required: true, schema: openApi }));
}

/** Marks every strict zod object of the documented DTOs, nested ones included, `additionalProperties: false`. */
export function documentStrictObjects(document: OpenAPIObject): OpenAPIObject {
  const components = document.components?.schemas ?? {};
  for (const [name, schema] of dtoSchemas) {
    const component = components[name];
    if (component !== undefined) {
      markStrict(component as SchemaObject, schema);
    }
  }
  return document;
}

function markStrict(json: SchemaObject, schema: z.ZodTypeAny): void {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    if (inner._def.unknownKeys === 'strict') {
      json['additionalProperties'] = false;
    }
    const properties = (json['properties'] ?? {}) as Record<string, SchemaObject>;
    for (const [key, value] of Object.entries(inner.shape as Record<string, z.ZodTypeAny>)) {
      const property = properties[key];
      if (property !== undefined) {
        markStrict(property, value);
      }
    }
  } else if (inner instanceof z.ZodArray && typeof json['items'] === 'object' && json['items'] !== null) {
    markStrict(json['items'] as SchemaObject, inner.element as z.ZodTypeAny);
  }
}

function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    return unwrap(schema._def.innerType as z.ZodTypeAny);
  }
  if (schema instanceof z.ZodEffects) {
    return unwrap(schema._def.schema as z.ZodTypeAny);
  }
  return schema;
}
