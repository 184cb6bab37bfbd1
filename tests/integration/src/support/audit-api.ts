import { type FindingView, findingViewSchema } from '@metrochain/contracts';
import { bearer, tokenOf } from './principals';

export const AUDIT_URL = 'http://127.0.0.1:3005';

export interface AuditAnswer {
  status: number;
  body: unknown;
}

/** A call to the audit service as PTB's auditor (or with another token, or none). */
export async function auditCall(
  method: 'GET' | 'POST',
  path: string,
  options: Readonly<{ body?: unknown; token?: string | null }> = {},
): Promise<AuditAnswer> {
  const token = options.token === null ? undefined : (options.token ?? tokenOf('auditor-ptb'));
  const response = await fetch(`${AUDIT_URL}${path}`, {
    method,
    headers: {
      ...bearer(token),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** GET with 200 expected, parsed by the contract's schema. */
export async function auditGet<T>(
  path: string,
  schema: Readonly<{ parse: (value: unknown) => T }>,
): Promise<T> {
  const answer = await auditCall('GET', path);
  if (answer.status !== 200) {
    throw new Error(`GET ${path} answered ${String(answer.status)}: ${JSON.stringify(answer.body)}`);
  }
  return schema.parse(answer.body);
}

/** Findings of a category about a subject, newest first. */
export function findingsOf(category: string, subject?: string): Promise<FindingView[]> {
  const query = new URLSearchParams({
    category,
    limit: '500',
    ...(subject === undefined ? {} : { subject }),
  });
  return auditGet(`/api/findings?${query.toString()}`, findingViewSchema.array());
}
