import type { ApiResponseOptions } from '@nestjs/swagger';

/** OpenAPI's content object, as the swagger decorators take it (the package does not export the type by name). */
type ContentObject = NonNullable<Extract<ApiResponseOptions, { content?: unknown }>['content']>;

/**
 * The OpenAPI content of a `text/event-stream` response, for the one shape every metrochain stream sends: each
 * event has an `event` name, an `id`, its `data` (one JSON document, as text) and perhaps a `retry`. OpenAPI tools
 * (schemathesis among them) check each parsed event against this schema, not the stream's text.
 */
export const EVENT_STREAM_CONTENT: ContentObject = {
  'text/event-stream': {
    schema: {
      type: 'object',
      properties: {
        event: { type: 'string' },
        id: { type: 'string' },
        data: { type: 'string' },
        retry: { type: 'integer', minimum: 0 },
      },
      required: ['event', 'data'],
      additionalProperties: false,
    },
  },
};
