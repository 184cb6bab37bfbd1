import path from 'node:path';
import type { OrdererSpec, OrgSpec, PeerSpec, Topology } from '../topology';

/** Where cryptogen and the devnet's own issuer put every key and certificate. */
export class CryptoMaterial {
  readonly #root: string;

  constructor(
    root: string,
    readonly topology: Topology,
  ) {
    this.#root = root;
  }

  get root(): string {
    return this.#root;
  }

  ordererOrgDir(): string {
    return path.join(this.#root, 'ordererOrganizations', this.topology.ordererDomain);
  }

  ordererOrgMsp(): string {
    return path.join(this.ordererOrgDir(), 'msp');
  }

  ordererTlsCa(): string {
    return path.join(this.ordererOrgDir(), 'tlsca', `tlsca.${this.topology.ordererDomain}-cert.pem`);
  }

  ordererDir(orderer: OrdererSpec): string {
    return path.join(this.ordererOrgDir(), 'orderers', orderer.name);
  }

  ordererAdminTls(): { cert: string; key: string } {
    const dir = path.join(this.ordererOrgDir(), 'users', `Admin@${this.topology.ordererDomain}`, 'tls');
    return { cert: path.join(dir, 'client.crt'), key: path.join(dir, 'client.key') };
  }

  orgDir(org: OrgSpec): string {
    return path.join(this.#root, 'peerOrganizations', org.domain);
  }

  orgMsp(org: OrgSpec): string {
    return path.join(this.orgDir(org), 'msp');
  }

  orgCa(org: OrgSpec): { cert: string; key: string } {
    const dir = path.join(this.orgDir(org), 'ca');
    return { cert: path.join(dir, `ca.${org.domain}-cert.pem`), key: path.join(dir, 'priv_sk') };
  }

  orgTlsCa(org: OrgSpec): { cert: string; key: string } {
    const dir = path.join(this.orgDir(org), 'tlsca');
    return { cert: path.join(dir, `tlsca.${org.domain}-cert.pem`), key: path.join(dir, 'priv_sk') };
  }

  peerDir(org: OrgSpec, peer: PeerSpec): string {
    return path.join(this.orgDir(org), 'peers', peer.name);
  }

  orgAdminMsp(org: OrgSpec): string {
    return path.join(this.orgDir(org), 'users', `Admin@${org.domain}`, 'msp');
  }

  identity(org: OrgSpec, name: string): { cert: string; key: string } {
    const dir = path.join(this.orgDir(org), 'users', `${name}@${org.domain}`);
    return { cert: path.join(dir, 'cert.pem'), key: path.join(dir, 'key.pem') };
  }

  chaincodeServerTls(org: OrgSpec): { cert: string; key: string; rootCert: string } {
    const dir = path.join(this.orgDir(org), 'ccserver');
    return {
      cert: path.join(dir, 'server.crt'),
      key: path.join(dir, 'server.key'),
      rootCert: this.orgTlsCa(org).cert,
    };
  }
}
