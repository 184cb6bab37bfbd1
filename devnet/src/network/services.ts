import path from 'node:path';
import { detail, step } from '../log';
import { REPO_ROOT } from '../paths';
import type { ProcessSpec } from '../process/supervisor';
import { type AuditorToken, auditorTokensEnv } from './auditors';
import { nodeBinary } from './node-binary';
import { waitUntilHealthy, type NetworkContext } from './context';
import { type ServiceInstance, serviceInstances } from './service-instances';

/** The service-specific environment on top of port, org and connection file. */
function serviceEnv(instance: ServiceInstance, auditors: readonly AuditorToken[]): NodeJS.ProcessEnv {
  switch (instance.service) {
    case 'registration':
      return { REGISTRATION_INSTANCE_ID: instance.process.replace(/^service-/, '') };
    case 'verification':
      return { VERIFICATION_AUDITOR_TOKENS: auditorTokensEnv(auditors) };
    default:
      return {};
  }
}

export function serviceSpec(
  networkFile: string,
  instance: ServiceInstance,
  auditors: readonly AuditorToken[],
): ProcessSpec {
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
      ...serviceEnv(instance, auditors),
    },
    health: { type: 'http', url: `${instance.url}/health/ready` },
  };
}

/** Starts every service instance against the running network and waits until each reports ready. */
export async function startServices(ctx: NetworkContext, auditors: readonly AuditorToken[]): Promise<void> {
  const instances = serviceInstances(ctx.topology);
  step(`starting the services (${String(instances.length)} processes, registration once per NMI)`);
  const specs = instances.map((instance) => serviceSpec(ctx.paths.networkFile, instance, auditors));
  for (const spec of specs) {
    ctx.supervisor.start(spec);
  }
  for (const spec of specs) {
    await waitUntilHealthy(ctx, spec, 90_000);
    detail(`${spec.name} ready (${spec.health.type === 'http' ? spec.health.url : ''})`);
  }
}
