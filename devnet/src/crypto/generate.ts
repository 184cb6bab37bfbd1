import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ROLE_ATTRIBUTE } from '@metrochain/contracts';
import { exec } from '../exec';
import { fabricBinary } from '../install/fabric';
import { detail, step } from '../log';
import { HOST, type Topology } from '../topology';
import { issueCertificate, loadCertificateAuthority } from './certificate-issuer';
import { CryptoMaterial } from './crypto-material';

const SANS = [HOST, 'localhost'];

function cryptogenConfig(topology: Topology): unknown {
  return {
    OrdererOrgs: [
      {
        Name: 'Orderer',
        Domain: topology.ordererDomain,
        EnableNodeOUs: true,
        Specs: topology.orderers.map((o) => ({ Hostname: o.name.split('.')[0], SANS })),
      },
    ],
    PeerOrgs: topology.orgs.map((org) => ({
      Name: org.name,
      Domain: org.domain,
      EnableNodeOUs: true,
      Template: { Count: org.peers.length, SANS },
      Users: { Count: 0 },
    })),
  };
}

/** Every identity a service uses, plus `governance` for NMI admins' governance writes, with its role attribute. */
export const ADMIN_IDENTITY = { name: 'governance', role: 'governance' } as const;

async function issueServiceIdentities(material: CryptoMaterial): Promise<void> {
  const identities: [string, string][] = [
    ...Object.entries(material.topology.services),
    [ADMIN_IDENTITY.name, ADMIN_IDENTITY.role],
  ];
  for (const org of material.topology.orgs) {
    const ca = await loadCertificateAuthority(material.orgCa(org).cert, material.orgCa(org).key);
    for (const [name, role] of identities) {
      const files = material.identity(org, name);
      const credential = await issueCertificate(ca, {
        subject: `CN=${name}@${org.domain}, OU=client, O=${org.name}`,
        attributes: { [ROLE_ATTRIBUTE]: role, 'hf.EnrollmentID': `${name}@${org.domain}` },
        usage: 'client',
      });
      mkdirSync(path.dirname(files.cert), { recursive: true });
      writeFileSync(files.cert, credential.certificatePem);
      writeFileSync(files.key, credential.privateKeyPem, { mode: 0o600 });
    }
    const tlsCa = await loadCertificateAuthority(material.orgTlsCa(org).cert, material.orgTlsCa(org).key);
    const server = await issueCertificate(tlsCa, {
      subject: `CN=${org.chaincodeServer.name}, O=${org.name}`,
      dnsNames: [org.chaincodeServer.name, 'localhost'],
      ipAddresses: [HOST],
      usage: 'server',
    });
    const tls = material.chaincodeServerTls(org);
    mkdirSync(path.dirname(tls.cert), { recursive: true });
    writeFileSync(tls.cert, server.certificatePem);
    writeFileSync(tls.key, server.privateKeyPem, { mode: 0o600 });
  }
}

/** cryptogen for orgs, nodes and admins; the devnet's own issuer for role-bearing service identities. */
export async function generateCrypto(
  topology: Topology,
  cryptoDir: string,
  configDir: string,
): Promise<CryptoMaterial> {
  step('generating crypto material');
  mkdirSync(configDir, { recursive: true });
  const configFile = path.join(configDir, 'crypto-config.yaml');
  writeFileSync(configFile, YAML.stringify(cryptogenConfig(topology)));
  await exec(fabricBinary('cryptogen'), ['generate', `--config=${configFile}`, `--output=${cryptoDir}`]);
  const material = new CryptoMaterial(cryptoDir, topology);
  await issueServiceIdentities(material);
  detail(`identities per org: ${[...Object.keys(topology.services), ADMIN_IDENTITY.name].join(', ')}`);
  return material;
}
