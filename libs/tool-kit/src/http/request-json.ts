import { errorBodySchema } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import type { z } from 'zod';
import { ToolErrorCode, toolError } from '../tool-error';

export interface JsonRequest<Schema extends z.ZodTypeAny> {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  body?: unknown;
  /** What a success answer must look like (the API contract's response schema). */
  schema: Schema;
  timeoutMs: number;
  /** Sent as `Authorization: Bearer <token>`; without it the request carries no credentials. */
  bearerToken?: string | undefined;
  /** Aborts the request, e.g. when the tool stops. */
  signal?: AbortSignal | undefined;
}

interface Answer {
  status: number;
  ok: boolean;
  text: string;
  /** The Retry-After header in seconds, when the answer has one (429, 503). */
  retryAfterSeconds?: number | undefined;
}

const SNIPPET_LENGTH = 200;

/**
 * One JSON request. A coded error answer (`{code, message}`, every metrochain service) becomes a DomainError with
 * the service's code; anything else unexpected gets a ToolErrorCode, so every failure has one. 5xx, 429, timeouts
 * and unreachable services are `retriable`, so callers decide on that flag and never on codes they do not know.
 */
export async function requestJson<Schema extends z.ZodTypeAny>(
  request: JsonRequest<Schema>,
): Promise<z.output<Schema>> {
  const answer = await exchange(request);
  const { status, ok, text } = answer;
  if (!ok) {
    throw errorFromAnswer(answer, request);
  }
  const body = parseOrUndefined(text);
  if (body === undefined) {
    throw invalidAnswer(request, `answered ${String(status)} with a body that is not JSON`, { status });
  }
  const parsed = request.schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`,
    );
    const message = `answered ${String(status)} with an unexpected body: ${issues.join('; ')}`;
    throw invalidAnswer(request, message, { status, issues });
  }
  return parsed.data as z.output<Schema>;
}

function headersOf(request: JsonRequest<z.ZodTypeAny>): Record<string, string> {
  return {
    accept: 'application/json',
    ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
    ...(request.bearerToken === undefined ? {} : { authorization: `Bearer ${request.bearerToken}` }),
  };
}

/** A socket error that says a kept-alive connection was closed by the server as it was used again. */
function isStaleConnection(cause: unknown): boolean {
  const inner = cause instanceof Error ? (cause.cause as { code?: unknown } | undefined) : undefined;
  return inner?.code === 'ECONNRESET' || inner?.code === 'UND_ERR_SOCKET' || inner?.code === 'EPIPE';
}

/**
 * One exchange; a GET whose kept-alive connection the server had just closed is sent once more on a new one. A
 * server closes an idle connection after its keep-alive timeout (Node's 5 s), and a request that reuses it at that
 * moment fails with ECONNRESET without having reached the application (a unit test of the customer CLI failed so,
 * in CI). Only GETs: a POST that failed so may have been taken, and its caller decides.
 */
async function exchange(request: JsonRequest<z.ZodTypeAny>, attempt = 1): Promise<Answer> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: headersOf(request),
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      signal: request.signal === undefined ? timeout : AbortSignal.any([timeout, request.signal]),
    });
    const retryAfterSeconds = retryAfterOf(response.headers.get('retry-after'));
    return { status: response.status, ok: response.ok, text: await response.text(), retryAfterSeconds };
  } catch (cause) {
    if (request.method === 'GET' && attempt === 1 && !timeout.aborted && isStaleConnection(cause)) {
      return exchange(request, attempt + 1);
    }
    throw transportError(cause, request, timeout.aborted);
  }
}

function transportError(cause: unknown, request: JsonRequest<z.ZodTypeAny>, timedOut: boolean): DomainError {
  const target = `${request.method} ${request.url}`;
  if (timedOut) {
    const message = `${target}: no answer within ${String(request.timeoutMs)} ms`;
    return toolError(ToolErrorCode.SERVICE_TIMEOUT, message, { retriable: true, cause });
  }
  const reason = cause instanceof Error && cause.cause instanceof Error ? cause.cause.message : String(cause);
  return toolError(ToolErrorCode.SERVICE_UNREACHABLE, `${target}: ${reason}`, { retriable: true, cause });
}

/** Retry-After in delta-seconds (what the services send); a date or anything else is ignored. */
function retryAfterOf(header: string | null): number | undefined {
  const seconds = header === null || !/^\d+$/.test(header.trim()) ? Number.NaN : Number(header.trim());
  return Number.isSafeInteger(seconds) ? seconds : undefined;
}

function errorFromAnswer(
  { status, text, retryAfterSeconds }: Answer,
  request: JsonRequest<z.ZodTypeAny>,
): DomainError {
  const coded = errorBodySchema.safeParse(parseOrUndefined(text));
  const details = {
    status,
    method: request.method,
    url: request.url,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  };
  const retriable = status >= 500 || status === 429;
  if (coded.success) {
    return new DomainError({ code: coded.data.code, message: coded.data.message, details, retriable });
  }
  const message = `${request.method} ${request.url}: ${String(status)} ${text.slice(0, SNIPPET_LENGTH)}`;
  const code = status === 404 ? ToolErrorCode.ENDPOINT_NOT_FOUND : ToolErrorCode.SERVICE_ERROR;
  return toolError(code, message, { details, retriable });
}

function invalidAnswer(
  request: JsonRequest<z.ZodTypeAny>,
  message: string,
  details: Record<string, unknown>,
): DomainError {
  return toolError(ToolErrorCode.RESPONSE_INVALID, `${request.method} ${request.url} ${message}`, {
    details,
  });
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
