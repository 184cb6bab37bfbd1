import { bearer } from './principals';

export const BILLING_URL = 'http://127.0.0.1:3004';

export interface BillingAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** One call to the billing service as `token`'s principal (anonymous without), answer parsed as JSON. */
export async function billing<T = Record<string, unknown>>(
  method: 'GET' | 'POST',
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<BillingAnswer<T>> {
  const response = await fetch(`${BILLING_URL}${path}`, {
    method,
    headers: { ...bearer(token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? {} : JSON.parse(text)) as T };
}
