import path from 'node:path';
import { detail, step } from '../log';
import { REPO_ROOT } from '../paths';
import type { ProcessSpec } from '../process/supervisor';
import { nodeBinary } from './node-binary';
import { waitUntilHealthy, type NetworkContext } from './context';

/** HTTP ports of the five services, in the order they start. */
export const SERVICE_PORTS = {
  registration: 3001,
  verification: 3002,
  measurement: 3003,
  billing: 3004,
  audit: 3005,
} as const;

export function serviceSpec(ctx: NetworkContext, name: keyof typeof SERVICE_PORTS): ProcessSpec {
  const port = SERVICE_PORTS[name];
  return {
    name: `service-${name}`,
    kind: 'service',
    command: nodeBinary(),
    args: ['--enable-source-maps', path.join(REPO_ROOT, 'services', name, 'dist', 'main.js')],
    cwd: path.join(REPO_ROOT, 'services', name),
    env: {
      PORT: String(port),
      METROCHAIN_NETWORK_FILE: ctx.paths.networkFile,
      METROCHAIN_ORG: ctx.topology.orgs[0]?.name ?? 'PTB',
    },
    health: { type: 'http', url: `http://127.0.0.1:${String(port)}/health/ready` },
  };
}

/** Starts the five services against the running network and waits until each reports ready. */
export async function startServices(ctx: NetworkContext): Promise<void> {
  step('starting the five services');
  const names = Object.keys(SERVICE_PORTS) as (keyof typeof SERVICE_PORTS)[];
  const specs = names.map((name) => serviceSpec(ctx, name));
  for (const spec of specs) {
    ctx.supervisor.start(spec);
  }
  for (const spec of specs) {
    await waitUntilHealthy(ctx, spec, 90_000);
    detail(`${spec.name} ready (${spec.health.type === 'http' ? spec.health.url : ''})`);
  }
}
