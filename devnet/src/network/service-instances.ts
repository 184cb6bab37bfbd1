import type { ServiceName } from '@metrochain/contracts';
import { HOST, type OrgSpec, type Topology } from '../topology';

/** HTTP ports of the five services (PTB's instance); registration runs once per NMI, 10 ports apart. */
export const SERVICE_PORTS = {
  registration: 3001,
  verification: 3002,
  measurement: 3003,
  billing: 3004,
  audit: 3005,
} as const satisfies Record<ServiceName, number>;

const REGISTRATION_PORT_STRIDE = 10;

/** One running service process: which service, for which NMI, where. */
export interface ServiceInstance {
  service: ServiceName;
  /** The supervisor's process name (pid file, log file, `devnet logs <process>`). */
  process: string;
  org: string;
  mspId: string;
  port: number;
  url: string;
}

function instance(service: ServiceName, org: OrgSpec, port: number, process: string): ServiceInstance {
  return { service, process, org: org.name, mspId: org.mspId, port, url: `http://${HOST}:${String(port)}` };
}

/**
 * Every service process the devnet starts, in start order: one registration service per NMI, each attesting with
 * its own organisation's registrar identity (PTB 3001, Inmetro 3011, CMI 3021), the other four once, for PTB.
 */
export function serviceInstances(topology: Pick<Topology, 'orgs'>): ServiceInstance[] {
  const [first] = topology.orgs;
  if (first === undefined) {
    throw new Error('the topology has no organisations');
  }
  const registrations = topology.orgs.map((org) =>
    instance(
      'registration',
      org,
      SERVICE_PORTS.registration + REGISTRATION_PORT_STRIDE * org.index,
      `service-registration-${org.name.toLowerCase()}`,
    ),
  );
  const others = (['verification', 'measurement', 'billing', 'audit'] as const).map((service) =>
    instance(service, first, SERVICE_PORTS[service], `service-${service}`),
  );
  return [...registrations, ...others];
}
