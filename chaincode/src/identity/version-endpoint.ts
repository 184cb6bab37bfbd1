import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { ChaincodeServerVersion } from '@metrochain/contracts';
import type { RunningChaincode } from './running-chaincode';

/** When set (a port number), the chaincode server answers GET /version, /healthz and /metrics on it over HTTP. */
export const CHAINCODE_HTTP_PORT_ENV = 'METROCHAIN_CHAINCODE_HTTP_PORT';

/** The body of GET /version (the contract library's chaincodeServerVersionSchema). */
export function versionBody(running: RunningChaincode): ChaincodeServerVersion {
  return {
    chaincodeVersion: running.chaincodeVersion,
    fingerprint: running.fingerprint,
    bundleSha256: running.bundleSha256,
    bundled: running.bundled,
    externals: { ...running.externals },
  };
}

function labelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

/** Prometheus text exposition: which code runs, and a few process gauges. */
export function metricsText(running: RunningChaincode, uptimeSeconds: number, residentBytes: number): string {
  const info = `fingerprint="${labelValue(running.fingerprint)}",version="${labelValue(running.chaincodeVersion)}"`;
  return [
    '# HELP metrochain_chaincode_info The chaincode this server runs: its fingerprint and package version.',
    '# TYPE metrochain_chaincode_info gauge',
    `metrochain_chaincode_info{${info}} 1`,
    '# HELP process_uptime_seconds Seconds since the chaincode server started.',
    '# TYPE process_uptime_seconds gauge',
    `process_uptime_seconds ${uptimeSeconds.toFixed(3)}`,
    '# HELP process_resident_memory_bytes Resident memory size in bytes.',
    '# TYPE process_resident_memory_bytes gauge',
    `process_resident_memory_bytes ${String(residentBytes)}`,
    '',
  ].join('\n');
}

function respond(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

function handle(running: RunningChaincode, request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://chaincode');
  if (request.method !== 'GET') {
    respond(
      response,
      405,
      'application/json',
      JSON.stringify({ code: 'METHOD_NOT_ALLOWED', message: 'GET only' }),
    );
    return;
  }
  switch (url.pathname) {
    case '/version':
      respond(response, 200, 'application/json', JSON.stringify(versionBody(running)));
      return;
    case '/healthz':
      respond(response, 200, 'application/json', JSON.stringify({ status: 'ok' }));
      return;
    case '/metrics':
      respond(
        response,
        200,
        'text/plain; version=0.0.4; charset=utf-8',
        metricsText(running, process.uptime(), process.memoryUsage().rss),
      );
      return;
    default:
      respond(
        response,
        404,
        'application/json',
        JSON.stringify({ code: 'NOT_FOUND', message: url.pathname }),
      );
  }
}

/** The port to listen on from `env`; undefined when unset. A value that is not a port fails at start. */
export function chaincodeHttpPort(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env[CHAINCODE_HTTP_PORT_ENV]?.trim();
  if (raw === undefined || raw === '') {
    return undefined;
  }
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${CHAINCODE_HTTP_PORT_ENV} must be a port number, got '${raw}'`);
  }
  return port;
}

/** Starts the HTTP listener on `port` (all interfaces unless `host`); resolves once it listens. */
export async function startVersionEndpoint(
  running: RunningChaincode,
  port: number,
  host?: string,
): Promise<Server> {
  const server = createServer((request, response) => {
    handle(running, request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
