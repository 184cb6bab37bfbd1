import { registrationErrorBodySchema } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import type { z } from 'zod';
import { CliErrorCode, cliError } from '../cli-error';

export interface JsonRequest<Schema extends z.ZodTypeAny> {
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  /** What a success answer must look like (the API contract's response schema). */
  schema: Schema;
  timeoutMs: number;
}

const SNIPPET_LENGTH = 200;

/**
 * One JSON request. A coded error answer (`{code, message}`, both services) becomes a DomainError with the service's
 * code; anything else unexpected gets a CLI code, so every failure has one.
 */
export async function requestJson<Schema extends z.ZodTypeAny>(
  request: JsonRequest<Schema>,
): Promise<z.output<Schema>> {
  const { status, ok, text } = await exchange(request);
  if (!ok) {
    throw errorFromAnswer(status, text, request);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalidAnswer(request, `answered ${String(status)} with a body that is not JSON`, { status });
  }
  const parsed = request.schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`,
    );
    throw invalidAnswer(request, `answered ${String(status)} with an unexpected body: ${issues.join('; ')}`, {
      status,
      issues,
    });
  }
  return parsed.data as z.output<Schema>;
}

async function exchange(
  request: JsonRequest<z.ZodTypeAny>,
): Promise<{ status: number; ok: boolean; text: string }> {
  const hasBody = request.body !== undefined;
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: hasBody
        ? { accept: 'application/json', 'content-type': 'application/json' }
        : { accept: 'application/json' },
      ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    return { status: response.status, ok: response.ok, text: await response.text() };
  } catch (cause) {
    throw transportError(cause, request);
  }
}

function transportError(cause: unknown, request: JsonRequest<z.ZodTypeAny>): DomainError {
  const target = `${request.method} ${request.url}`;
  if (cause instanceof DOMException && cause.name === 'TimeoutError') {
    return cliError(
      CliErrorCode.SERVICE_TIMEOUT,
      `${target}: no answer within ${String(request.timeoutMs)} ms`,
      {
        retriable: true,
        cause,
      },
    );
  }
  const reason = cause instanceof Error && cause.cause instanceof Error ? cause.cause.message : String(cause);
  return cliError(CliErrorCode.SERVICE_UNREACHABLE, `${target}: ${reason}`, { retriable: true, cause });
}

function errorFromAnswer(status: number, text: string, request: JsonRequest<z.ZodTypeAny>): DomainError {
  const coded = registrationErrorBodySchema.safeParse(parseOrUndefined(text));
  const details = { status, method: request.method, url: request.url };
  if (coded.success) {
    return new DomainError({
      code: coded.data.code,
      message: coded.data.message,
      details,
      retriable: status >= 500,
    });
  }
  const snippet = text.slice(0, SNIPPET_LENGTH);
  if (status === 404) {
    return cliError(CliErrorCode.ENDPOINT_NOT_FOUND, `${request.method} ${request.url}: 404 ${snippet}`, {
      details,
    });
  }
  return cliError(
    CliErrorCode.SERVICE_ERROR,
    `${request.method} ${request.url}: ${String(status)} ${snippet}`,
    {
      details,
      retriable: status >= 500,
    },
  );
}

function invalidAnswer(
  request: JsonRequest<z.ZodTypeAny>,
  message: string,
  details: Record<string, unknown>,
): DomainError {
  return cliError(CliErrorCode.RESPONSE_INVALID, `${request.method} ${request.url} ${message}`, { details });
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
  const path = template.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  return `${baseUrl}${path}`;
}
