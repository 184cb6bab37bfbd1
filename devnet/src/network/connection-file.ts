import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { NetworkContext } from './context';
import { ADMIN_IDENTITY } from '../crypto/generate';
import type { IdentitySection } from './principals';
import type { ServiceInstance } from './service-instances';

/** What the devnet adds to the connection profile besides the Fabric, Kafka and Redis endpoints. */
export interface ConnectionExtras {
  /** The NMIs' token-issuer keys and the local principals' credentials. */
  identity: IdentitySection;
  /** The service processes `up --services` starts; empty without services. */
  services: readonly ServiceInstance[];
}

/** Service instances grouped by service, each with its NMI and URL (every registration instance, for one). */
export function servicesSection(
  instances: readonly ServiceInstance[],
): Record<string, { process: string; org: string; mspId: string; url: string }[]> {
  const section: Record<string, { process: string; org: string; mspId: string; url: string }[]> = {};
  for (const { service, process, org, mspId, url } of instances) {
    (section[service] ??= []).push({ process, org, mspId, url });
  }
  return section;
}

/**
 * The one file services and tests read: endpoints, TLS roots and identity paths (format in docs/foundation.md),
 * plus the running services, the issuers every service trusts and the local principals' tokens.
 */
export function writeConnectionFile(ctx: NetworkContext, extras: Readonly<ConnectionExtras>): void {
  const { topology, material } = ctx;
  const identityNames: [string, string][] = [
    ...Object.entries(topology.services),
    [ADMIN_IDENTITY.name, ADMIN_IDENTITY.role],
  ];
  const organizations = Object.fromEntries(
    topology.orgs.map((org) => [
      org.name,
      {
        mspId: org.mspId,
        peers: org.peers.map((peer) => ({
          name: peer.name,
          endpoint: `${peer.host}:${String(peer.port)}`,
          tlsRootCertPath: path.join(material.peerDir(org, peer), 'tls', 'ca.crt'),
          operationsEndpoint: `${peer.host}:${String(peer.operationsPort)}`,
        })),
        identities: Object.fromEntries(
          identityNames.map(([name, role]) => {
            const files = material.identity(org, name);
            return [name, { certPath: files.cert, keyPath: files.key, role }];
          }),
        ),
      },
    ]),
  );
  const profile = {
    channel: topology.channel,
    chaincode: topology.chaincode.name,
    organizations,
    orderers: topology.orderers.map((o) => ({
      name: o.name,
      endpoint: `${o.host}:${String(o.port)}`,
      adminEndpoint: `${o.host}:${String(o.adminPort)}`,
      tlsRootCertPath: material.ordererTlsCa(),
      operationsEndpoint: `${o.host}:${String(o.operationsPort)}`,
    })),
    kafka: { brokers: topology.kafka.map((b) => `127.0.0.1:${String(b.port)}`) },
    redis: { url: `redis://127.0.0.1:${String(topology.redis.port)}` },
    services: servicesSection(extras.services),
    identity: extras.identity,
  };
  writeFileSync(ctx.paths.networkFile, `${JSON.stringify(profile, null, 2)}\n`);
}
