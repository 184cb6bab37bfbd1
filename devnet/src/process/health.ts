import net from 'node:net';
import type { HealthProbe } from './supervisor';

function tcpOpen(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (open: boolean): void => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => {
      done(false);
    });
    socket.once('connect', () => {
      done(true);
    });
    socket.once('error', () => {
      done(false);
    });
  });
}

async function httpOk(url: string, expectStatus: number, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return response.status === expectStatus;
  } catch {
    return false;
  }
}

export function probe(health: HealthProbe, timeoutMs = 1000): Promise<boolean> {
  return health.type === 'tcp'
    ? tcpOpen(health.host, health.port, timeoutMs)
    : httpOk(health.url, health.expectStatus ?? 200, timeoutMs);
}

/** Polls until the probe passes; throws with the name and the last lines of its log otherwise. */
export async function waitHealthy(
  name: string,
  health: HealthProbe,
  timeoutMs: number,
  describeFailure: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe(health)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} not healthy after ${String(timeoutMs)} ms\n${describeFailure()}`);
}
