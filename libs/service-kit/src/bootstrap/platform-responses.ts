import type { OpenAPIObject } from '@nestjs/swagger';
import { ACCESS_EXTENSION, type AccessPolicy } from '../access/access-policy';

const ERROR_SCHEMA = 'PlatformErrorBody';
const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

interface Operation {
  parameters?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  [ACCESS_EXTENSION]?: AccessPolicy;
}

/** What the platform itself may answer on an operation, whatever the service's own decorators say. */
function platformAnswers(method: string, operation: Operation): Record<string, string> {
  const answers: Record<string, string> = {
    '500': 'INTERNAL: a fault of the service; the body says nothing more.',
  };
  if (operation.requestBody !== undefined || (operation.parameters?.length ?? 0) > 0) {
    answers['400'] = 'REQUEST_INVALID: the body, a parameter or the JSON does not match the schema.';
  }
  if (WRITE_METHODS.has(method)) {
    answers['413'] = 'PAYLOAD_TOO_LARGE: the body is over the route’s limit.';
    answers['415'] = 'UNSUPPORTED_MEDIA_TYPE: send application/json.';
    answers['429'] = 'RATE_LIMITED: too many writes of this principal or client; see Retry-After.';
  }
  if (operation[ACCESS_EXTENSION]?.public === false) {
    answers['401'] = 'UNAUTHENTICATED or TOKEN_INVALID: no or an invalid bearer token.';
    answers['403'] = 'ACCESS_FORBIDDEN or NMI_FORBIDDEN: the principal may not call this route.';
  }
  return answers;
}

/**
 * Documents on every operation the answers of the platform (guard, throttler, body parser, error filter), each with
 * the one error body, unless the service documented that status itself: the document then lists every status a
 * client can get.
 */
export function addPlatformResponses(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components ??= {}).schemas ?? {};
  schemas[ERROR_SCHEMA] = {
    type: 'object',
    properties: { code: { type: 'string' }, message: { type: 'string' } },
    required: ['code', 'message'],
  };
  document.components.schemas = schemas;
  for (const item of Object.values(document.paths)) {
    for (const [method, value] of Object.entries(item as Record<string, unknown>)) {
      const operation = value as Operation;
      const responses = (operation.responses ??= {});
      for (const [status, description] of Object.entries(platformAnswers(method, operation))) {
        responses[status] ??= {
          description,
          content: { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } } },
        };
      }
    }
  }
  return document;
}
