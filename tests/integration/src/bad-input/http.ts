import { request as httpRequest } from 'node:http';
import { AUDIT_URL } from '../support/audit-api';
import { BILLING_URL } from '../support/billing-api';
import { MEASUREMENT_URL } from '../support/ingest';
import { bearer, tokenOf } from '../support/principals';
import { instanceOf } from '../support/registration-api';

export type Service = 'registration' | 'verification' | 'measurement' | 'billing' | 'audit';

const VERIFICATION_URL = 'http://127.0.0.1:3002';

/** Registration is PTB's instance (3001); the others run once. */
export function serviceUrl(service: Service): string {
  switch (service) {
    case 'registration':
      return instanceOf('PTB').url;
    case 'verification':
      return VERIFICATION_URL;
    case 'measurement':
      return MEASUREMENT_URL;
    case 'billing':
      return BILLING_URL;
    case 'audit':
      return AUDIT_URL;
  }
}

/** A JSON value, raw text (malformed JSON, another media type), or a filler body of `bytes` bytes of valid JSON. */
export type Body =
  Readonly<{ json: unknown }> | Readonly<{ raw: string; contentType?: string }> | Readonly<{ bytes: number }>;

export interface Answer {
  status: number;
  text: string;
  json: unknown;
}

const PLUS = '__corpus_plus_infinity__';
const MINUS = '__corpus_minus_infinity__';

/** JSON text of `value`, with ±Infinity spelled ±1e309: the number a client can send that parses to Infinity. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item === Number.POSITIVE_INFINITY ? PLUS : item === Number.NEGATIVE_INFINITY ? MINUS : item,
  )
    .replaceAll(`"${PLUS}"`, '1e309')
    .replaceAll(`"${MINUS}"`, '-1e309');
}

function payloadOf(body: Body): { bytes: Buffer; contentType: string } {
  if ('json' in body) {
    return { bytes: Buffer.from(jsonText(body.json), 'utf8'), contentType: 'application/json' };
  }
  if ('raw' in body) {
    return { bytes: Buffer.from(body.raw, 'utf8'), contentType: body.contentType ?? 'application/json' };
  }
  const filler = 'x'.repeat(Math.max(0, body.bytes - 8));
  return { bytes: Buffer.from(`{"x":"${filler}"}`, 'utf8'), contentType: 'application/json' };
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Bodies above this are sent only if no early answer (413 from the announced length) came within a second. */
const EARLY_ANSWER_BYTES = 1 << 16;

/**
 * One request as `caller` (a principal of network.json; anonymous without). A server may answer a large body from
 * its announced length and close the connection, so a client still writing would fail: large bodies wait for that
 * answer first.
 */
export function send(
  service: Service,
  method: string,
  path: string,
  body: Body | undefined,
  caller?: string,
): Promise<Answer> {
  const payload = body === undefined ? undefined : payloadOf(body);
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = httpRequest(`${serviceUrl(service)}${path}`, {
      method,
      headers: {
        ...bearer(caller === undefined ? undefined : tokenOf(caller)),
        ...(payload === undefined
          ? {}
          : { 'content-type': payload.contentType, 'content-length': payload.bytes.length }),
      },
    });
    outgoing.on('response', (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, text, json: parsed(text) });
        outgoing.destroy();
      });
    });
    outgoing.on('error', (error) => {
      if (!answered) {
        reject(error);
      }
    });
    if (payload === undefined) {
      outgoing.end();
    } else if (payload.bytes.length <= EARLY_ANSWER_BYTES) {
      outgoing.end(payload.bytes);
    } else {
      outgoing.flushHeaders();
      setTimeout(() => {
        if (!answered) {
          outgoing.end(payload.bytes);
        }
      }, 1000);
    }
  });
}
