/** What an API call answered: the status and the parsed JSON body (undefined when there was none). */
export interface ApiAnswer<T = unknown> {
  status: number;
  ok: boolean;
  body: T;
}

/** The dashboard's session is an HttpOnly cookie; unsafe methods add the CSRF header the service requires. */
export const CSRF_HEADERS = { 'x-metrochain-csrf': '1' } as const;

async function call<T>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(method === 'GET' ? {} : CSRF_HEADERS),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: response.status, ok: response.ok, body: parsed as T };
}

export function getJson<T = unknown>(path: string): Promise<ApiAnswer<T>> {
  return call<T>('GET', path);
}

export function postJson<T = unknown>(path: string, body: unknown): Promise<ApiAnswer<T>> {
  return call<T>('POST', path, body);
}

export function deleteJson(path: string): Promise<ApiAnswer> {
  return call('DELETE', path);
}

/** The `{code, message}` of an error answer, as one line. */
export function errorText(answer: ApiAnswer): string {
  const body = answer.body as { code?: unknown; message?: unknown } | undefined;
  return typeof body?.code === 'string'
    ? `${body.code}: ${typeof body.message === 'string' ? body.message : ''}`
    : `HTTP ${answer.status}`;
}
