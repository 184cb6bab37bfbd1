import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { NetworkContext } from './context';
import { ADMIN_IDENTITY } from '../crypto/generate';

/** The one file services and tests read: endpoints, TLS roots and identity paths (format in docs/foundation.md). */
export function writeConnectionFile(ctx: NetworkContext): void {
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
    })),
    kafka: { brokers: topology.kafka.map((b) => `127.0.0.1:${String(b.port)}`) },
    redis: { url: `redis://127.0.0.1:${String(topology.redis.port)}` },
  };
  writeFileSync(ctx.paths.networkFile, `${JSON.stringify(profile, null, 2)}\n`);
}
