import { registrationErrorBodySchema } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import type { z } from 'zod';
import { FleetErrorCode, fleetError } from '../fleet-error';

export interface JsonRequest<Schema extends z.ZodTypeAny> {
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  /** What a success answer must look like (the API contract's response schema). */
  schema: Schema;
  timeoutMs: number;
  /** Aborts the request, e.g. when the fleet stops. */
  signal?: AbortSignal;
}

const SNIPPET_LENGTH = 200;

/**
 * One JSON request. A coded error answer (`{code, message}`, every metrochain service) becomes a DomainError with
 * the service's code; anything else unexpected gets a fleet code. 5xx, 429, timeouts and unreachable services are
 * retriable, so callers decide on `retriable` and never on codes they do not know.
 */
export async function requestJson<Schema extends z.ZodTypeAny>(
  request: JsonRequest<Schema>,
): Promise<z.output<Schema>> {
  const { status, ok, text } = await exchange(request);
  if (!ok) {
    throw errorFromAnswer(status, text, request);
  }
  const parsed = request.schema.safeParse(parseOrUndefined(text));
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`,
    );
    throw fleetError(
      FleetErrorCode.RESPONSE_INVALID,
      `${request.method} ${request.url} answered ${status} with an unexpected body: ${issues.join('; ')}`,
      { details: { status, issues } },
    );
  }
  return parsed.data as z.output<Schema>;
}

async function exchange(
  request: JsonRequest<z.ZodTypeAny>,
): Promise<{ status: number; ok: boolean; text: string }> {
  const hasBody = request.body !== undefined;
  const timeout = AbortSignal.timeout(request.timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: hasBody
        ? { accept: 'application/json', 'content-type': 'application/json' }
        : { accept: 'application/json' },
      ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
      signal: request.signal === undefined ? timeout : AbortSignal.any([timeout, request.signal]),
    });
    return { status: response.status, ok: response.ok, text: await response.text() };
  } catch (cause) {
    throw transportError(cause, request, timeout.aborted);
  }
}

function transportError(cause: unknown, request: JsonRequest<z.ZodTypeAny>, timedOut: boolean): DomainError {
  const target = `${request.method} ${request.url}`;
  if (timedOut) {
    return fleetError(FleetErrorCode.SERVICE_TIMEOUT, `${target}: no answer within ${request.timeoutMs} ms`, {
      retriable: true,
      cause,
    });
  }
  const reason = cause instanceof Error && cause.cause instanceof Error ? cause.cause.message : String(cause);
  return fleetError(FleetErrorCode.SERVICE_UNREACHABLE, `${target}: ${reason}`, { retriable: true, cause });
}

function errorFromAnswer(status: number, text: string, request: JsonRequest<z.ZodTypeAny>): DomainError {
  const coded = registrationErrorBodySchema.safeParse(parseOrUndefined(text));
  const details = { status, method: request.method, url: request.url };
  const retriable = status >= 500 || status === 429;
  if (coded.success) {
    return new DomainError({ code: coded.data.code, message: coded.data.message, details, retriable });
  }
  const message = `${request.method} ${request.url}: ${status} ${text.slice(0, SNIPPET_LENGTH)}`;
  return fleetError(FleetErrorCode.SERVICE_ERROR, message, { details, retriable });
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** An API path with its `:params` filled in, URL-encoded. */
export function apiUrl(
  baseUrl: string,
  template: string,
  params: Readonly<Record<string, string>> = {},
): string {
  return `${baseUrl}${template.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))}`;
}
