import type { z } from 'zod';
import { apiUrl } from './api-url';
import { requestJson } from './request-json';

export interface JsonClientOptions {
  /** Base URL without a trailing slash (endpoints/ resolves one). */
  baseUrl: string;
  /** Deadline of each request unless the request sets its own. */
  timeoutMs: number;
  /** Sent with every request as `Authorization: Bearer <token>` unless the request names its own. */
  bearerToken?: string | undefined;
}

/** What one call may set for itself. */
export interface CallOptions {
  /** `:params` of the path template. */
  params?: Readonly<Record<string, string>>;
  timeoutMs?: number;
  /** This request's token, in place of the client's. */
  bearerToken?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** JSON requests to one service instance, each answer checked against a response schema of libs/contracts. */
export class JsonClient {
  readonly #options: Readonly<JsonClientOptions>;

  constructor(options: Readonly<JsonClientOptions>) {
    this.#options = { ...options };
  }

  get baseUrl(): string {
    return this.#options.baseUrl;
  }

  get<Schema extends z.ZodTypeAny>(
    path: string,
    schema: Schema,
    call: Readonly<CallOptions> = {},
  ): Promise<z.output<Schema>> {
    return this.#send('GET', path, undefined, schema, call);
  }

  post<Schema extends z.ZodTypeAny>(
    path: string,
    body: unknown,
    schema: Schema,
    call: Readonly<CallOptions> = {},
  ): Promise<z.output<Schema>> {
    return this.#send('POST', path, body, schema, call);
  }

  put<Schema extends z.ZodTypeAny>(
    path: string,
    body: unknown,
    schema: Schema,
    call: Readonly<CallOptions> = {},
  ): Promise<z.output<Schema>> {
    return this.#send('PUT', path, body, schema, call);
  }

  #send<Schema extends z.ZodTypeAny>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body: unknown,
    schema: Schema,
    call: Readonly<CallOptions>,
  ): Promise<z.output<Schema>> {
    return requestJson({
      method,
      url: apiUrl(this.#options.baseUrl, path, call.params),
      body,
      schema,
      timeoutMs: call.timeoutMs ?? this.#options.timeoutMs,
      bearerToken: 'bearerToken' in call ? call.bearerToken : this.#options.bearerToken,
      signal: call.signal,
    });
  }
}
