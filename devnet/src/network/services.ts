import path from 'node:path';
import { detail, step } from '../log';
import { REPO_ROOT } from '../paths';
import type { ProcessSpec } from '../process/supervisor';
import { nodeBinary } from './node-binary';
import { waitUntilHealthy, type NetworkContext } from './context';
import { SERVICE_PORTS, type ServiceInstance, serviceInstances } from './service-instances';

/**
 * Per meter and 10 s on the local network: a month of 15-minute slots (2,976 readings) uploaded after an outage
 * takes 15 s rather than a minute; the service's default (500) stays what production runs.
 */
export const DEVNET_METER_LIMIT_READINGS = 2_000;

/** The service-specific environment on top of port, org and connection file. */
function serviceEnv(instance: ServiceInstance): NodeJS.ProcessEnv {
  switch (instance.service) {
    case 'registration':
      return { REGISTRATION_INSTANCE_ID: instance.process.replace(/^service-/, '') };
    case 'measurement':
      return { MEASUREMENT_METER_LIMIT_READINGS: String(DEVNET_METER_LIMIT_READINGS) };
    case 'billing':
      // Months closed within seconds of their key, failures retried every half minute: tests and demos wait less.
      return { BILLING_CLOSE_INTERVAL_MS: '2000', BILLING_RETRY_MS: '30000' };
    case 'audit':
      // Network health: a stopped peer or orderer is reported within seconds, so tests and demos wait less.
      return {
        AUDIT_NETWORK_POLL_MS: '3000',
        AUDIT_PEER_BEHIND_SECONDS: '10',
        AUDIT_RAFT_GRACE_SECONDS: '5',
      };
    default:
      return {};
  }
}

/**
 * Writes per principal or client and second on the local network: high enough for the benchmarks, which drive
 * one NMI's registration service with hundreds of requests per second from one manufacturer (docs/identity.md).
 */
export const DEVNET_RATE_LIMIT_WRITES = 5_000;

/**
 * Every service exports its spans as OTLP/HTTP JSON to the audit service, the local trace receiver, every half
 * second, so that a reading's trace is complete a moment after it was recorded (docs/observability.md).
 */
export const DEVNET_TRACE_ENV: Readonly<NodeJS.ProcessEnv> = {
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `http://127.0.0.1:${String(SERVICE_PORTS.audit)}/v1/traces`,
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
  OTEL_BSP_SCHEDULE_DELAY: '500',
};

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
      ...DEVNET_TRACE_ENV,
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
