import path from 'node:path';
import { detail, step } from '../log';
import { REPO_ROOT } from '../paths';
import type { ProcessSpec } from '../process/supervisor';
import { nodeBinary } from './node-binary';
import { waitUntilHealthy, type NetworkContext } from './context';
import { type ServiceInstance, serviceInstances } from './service-instances';

/** The service-specific environment on top of port, org and connection file. */
function serviceEnv(instance: ServiceInstance): NodeJS.ProcessEnv {
  return instance.service === 'registration'
    ? { REGISTRATION_INSTANCE_ID: instance.process.replace(/^service-/, '') }
    : {};
}

/**
 * Writes per principal or client and second on the local network: high enough for the benchmarks, which drive
 * one NMI's registration service with hundreds of requests per second from one manufacturer (docs/identity.md).
 */
export const DEVNET_RATE_LIMIT_WRITES = 5_000;

export function serviceSpec(networkFile: string, instance: ServiceInstance): ProcessSpec {
  return {
    name: instance.process,
    kind: 'service',
    command: nodeBinary(),
    args: ['--enable-source-maps', path.join(REPO_ROOT, 'services', instance.service, 'dist', 'main.js')],
    cwd: path.join(REPO_ROOT, 'services', instance.service),
    env: {
      PORT: String(instance.port),
      METROCHAIN_NETWORK_FILE: networkFile,
      METROCHAIN_ORG: instance.org,
      RATE_LIMIT_WRITES: String(DEVNET_RATE_LIMIT_WRITES),
      ...serviceEnv(instance),
    },
    health: { type: 'http', url: `${instance.url}/health/ready` },
  };
}

/** Starts every service instance against the running network and waits until each reports ready. */
export async function startServices(ctx: NetworkContext): Promise<void> {
  const instances = serviceInstances(ctx.topology);
  step(`starting the services (${String(instances.length)} processes, registration once per NMI)`);
  const specs = instances.map((instance) => serviceSpec(ctx.paths.networkFile, instance));
  for (const spec of specs) {
    ctx.supervisor.start(spec);
  }
  for (const spec of specs) {
    await waitUntilHealthy(ctx, spec, 90_000);
    detail(`${spec.name} ready (${spec.health.type === 'http' ? spec.health.url : ''})`);
  }
}
