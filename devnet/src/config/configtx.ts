import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { CryptoMaterial } from '../crypto/crypto-material';
import type { OrgSpec, Topology } from '../topology';

export const CHANNEL_PROFILE = 'NMIChannel';

function signature(rule: string): { Type: 'Signature'; Rule: string } {
  return { Type: 'Signature', Rule: rule };
}

function applicationOrg(org: OrgSpec, material: CryptoMaterial): Record<string, unknown> {
  const id = org.mspId;
  const anchor = org.peers[0];
  return {
    Name: id,
    ID: id,
    MSPDir: material.orgMsp(org),
    Policies: {
      Readers: signature(`OR('${id}.admin', '${id}.peer', '${id}.client')`),
      Writers: signature(`OR('${id}.admin', '${id}.client')`),
      Admins: signature(`OR('${id}.admin')`),
      Endorsement: signature(`OR('${id}.peer')`),
    },
    AnchorPeers: anchor === undefined ? [] : [{ Host: anchor.host, Port: anchor.port }],
  };
}

function ordererOrg(topology: Topology, material: CryptoMaterial): Record<string, unknown> {
  return {
    Name: 'OrdererOrg',
    ID: 'OrdererMSP',
    MSPDir: material.ordererOrgMsp(),
    Policies: {
      Readers: signature("OR('OrdererMSP.member')"),
      Writers: signature("OR('OrdererMSP.member')"),
      Admins: signature("OR('OrdererMSP.admin')"),
    },
    OrdererEndpoints: topology.orderers.map((o) => `${o.host}:${String(o.port)}`),
  };
}

function implicitMeta(rule: string): { Type: 'ImplicitMeta'; Rule: string } {
  return { Type: 'ImplicitMeta', Rule: rule };
}

const STANDARD_POLICIES = {
  Readers: implicitMeta('ANY Readers'),
  Writers: implicitMeta('ANY Writers'),
  Admins: implicitMeta('MAJORITY Admins'),
};

/** The channel profile: etcdraft over every orderer, every NMI as application org with majority lifecycle policy. */
export function writeConfigtx(topology: Topology, material: CryptoMaterial, configDir: string): void {
  mkdirSync(configDir, { recursive: true });
  const consenters = topology.orderers.map((o) => {
    const tlsCert = path.join(material.ordererDir(o), 'tls', 'server.crt');
    return { Host: o.host, Port: o.port, ClientTLSCert: tlsCert, ServerTLSCert: tlsCert };
  });
  const profile = {
    Policies: STANDARD_POLICIES,
    Capabilities: { V3_0: true },
    Orderer: {
      OrdererType: 'etcdraft',
      Addresses: [],
      BatchTimeout: '250ms',
      BatchSize: { MaxMessageCount: 500, AbsoluteMaxBytes: '64 MB', PreferredMaxBytes: '4 MB' },
      EtcdRaft: {
        Consenters: consenters,
        Options: {
          TickInterval: '250ms',
          ElectionTick: 10,
          HeartbeatTick: 1,
          MaxInflightBlocks: 5,
          SnapshotIntervalSize: '16 MB',
        },
      },
      Organizations: [ordererOrg(topology, material)],
      Policies: { ...STANDARD_POLICIES, BlockValidation: implicitMeta('ANY Writers') },
      Capabilities: { V2_0: true },
    },
    Application: {
      Organizations: topology.orgs.map((org) => applicationOrg(org, material)),
      Policies: {
        ...STANDARD_POLICIES,
        LifecycleEndorsement: implicitMeta('MAJORITY Endorsement'),
        Endorsement: implicitMeta('MAJORITY Endorsement'),
      },
      Capabilities: { V2_5: true },
    },
  };
  writeFileSync(
    path.join(configDir, 'configtx.yaml'),
    YAML.stringify({ Profiles: { [CHANNEL_PROFILE]: profile } }),
  );
}

/** The chaincode endorsement policy: at least two distinct NMIs (both of them when there are two). */
export function endorsementPolicy(topology: Topology): string {
  const members = topology.orgs.map((org) => `'${org.mspId}.peer'`).join(',');
  return `OutOf(2,${members})`;
}
