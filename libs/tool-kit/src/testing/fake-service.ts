import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';

export interface RecordedRequest {
  method: string;
  path: string;
  /** The parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
  /** The Authorization header as sent, e.g. `Bearer <token>`; absent without one. */
  authorization?: string;
}

/** What a handler answers: a JSON body, or raw text with `raw`. */
export interface Reply {
  status: number;
  body?: unknown;
  raw?: string;
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
  /** Headers besides the content type, e.g. `retry-after`. */
  headers?: Record<string, string>;
}

export type Handler = (request: RecordedRequest, params: string[]) => Reply;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

/** A local node:http server standing in for a metrochain service; unmatched requests get Nest's plain 404. */
export class FakeService {
  readonly requests: RecordedRequest[] = [];
  readonly #routes: Route[] = [];
  readonly #server: Server;

  private constructor() {
    this.#server = createServer((request, response) => {
      void this.#answer(request).then(({ status, payload, delayMs, headers }) => {
        setTimeout(() => {
          response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(payload);
        }, delayMs);
      });
    });
  }

  static async start(): Promise<FakeService> {
    const service = new FakeService();
    await new Promise<void>((resolve) => service.#server.listen(0, '127.0.0.1', resolve));
    return service;
  }

  get url(): string {
    return `http://127.0.0.1:${String((this.#server.address() as AddressInfo).port)}`;
  }

  /** `pattern` matches the whole path; its groups are passed to the handler. */
  on(method: string, pattern: RegExp, handler: Handler): this {
    this.#routes.push({ method, pattern: new RegExp(`^${pattern.source}$`), handler });
    return this;
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) =>
      this.#server.close(() => {
        resolve();
      }),
    );
  }

  async #answer(
    request: IncomingMessage,
  ): Promise<{ status: number; payload: string; delayMs: number; headers?: Record<string, string> }> {
    const raw = await text(request);
    const recorded: RecordedRequest = {
      method: request.method ?? '',
      path: request.url ?? '',
      body: parseOrText(raw),
      ...(request.headers.authorization === undefined
        ? {}
        : { authorization: request.headers.authorization }),
    };
    this.requests.push(recorded);
    for (const route of this.#routes) {
      const match = route.method === recorded.method ? route.pattern.exec(recorded.path) : null;
      if (match !== null) {
        const reply = route.handler(
          recorded,
          match.slice(1).map((group) => decodeURIComponent(group)),
        );
        return {
          status: reply.status,
          payload: reply.raw ?? JSON.stringify(reply.body ?? {}),
          delayMs: reply.delayMs ?? 0,
          ...(reply.headers === undefined ? {} : { headers: reply.headers }),
        };
      }
    }
    const message = `Cannot ${recorded.method} ${recorded.path}`;
    return {
      status: 404,
      payload: JSON.stringify({ statusCode: 404, message, error: 'Not Found' }),
      delayMs: 0,
    };
  }
}

function parseOrText(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** A coded error answer as every metrochain service writes it. */
export function coded(status: number, code: string, message: string): Reply {
  return { status, body: { code, message } };
}
