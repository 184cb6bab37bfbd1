import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Where cryptogen puts an organisation's material, plus what the local network adds to a peer organisation
 * (devnet/src/crypto: service identities `users/<service>@<domain>/{cert,key}.pem`, the chaincode server's TLS pair
 * `ccserver/server.{crt,key}`). Paths are relative to the crypto root, as error messages show them.
 */
export class PeerOrgLayout {
  constructor(readonly domain: string) {}

  get dir(): string {
    return path.join('peerOrganizations', this.domain);
  }

  /** Folder of peer `n` (cryptogen's Template names peers peer0, peer1, …). */
  peer(ordinal: number): string {
    return path.join(this.dir, 'peers', `peer${String(ordinal)}.${this.domain}`);
  }

  adminMsp(): string {
    return path.join(this.dir, 'users', `Admin@${this.domain}`, 'msp');
  }

  serviceIdentity(service: string): { cert: string; key: string } {
    const dir = path.join(this.dir, 'users', `${service}@${this.domain}`);
    return { cert: path.join(dir, 'cert.pem'), key: path.join(dir, 'key.pem') };
  }

  chaincodeServerTls(): { cert: string; key: string } {
    const dir = path.join(this.dir, 'ccserver');
    return { cert: path.join(dir, 'server.crt'), key: path.join(dir, 'server.key') };
  }

  /** The CA of the peers' TLS certificates (and of the chaincode server's). */
  tlsCaCert(): string {
    return path.join(this.dir, 'tlsca', `tlsca.${this.domain}-cert.pem`);
  }
}

export class OrdererOrgLayout {
  constructor(readonly domain: string) {}

  get dir(): string {
    return path.join('ordererOrganizations', this.domain);
  }

  /** Folder of the orderer of ordinal n, which cryptogen names orderer<n+1> (devnet topology, channel consenters). */
  orderer(ordinal: number): string {
    return path.join(this.dir, 'orderers', `orderer${String(ordinal + 1)}.${this.domain}`);
  }

  /** The orderer admin's mutual-TLS client pair, issued by the orderers' TLS CA. */
  adminTls(): { cert: string; key: string; ca: string } {
    const dir = path.join(this.dir, 'users', `Admin@${this.domain}`, 'tls');
    return {
      cert: path.join(dir, 'client.crt'),
      key: path.join(dir, 'client.key'),
      ca: path.join(dir, 'ca.crt'),
    };
  }

  tlsCaCert(): string {
    return path.join(this.dir, 'tlsca', `tlsca.${this.domain}-cert.pem`);
  }
}

function subfolders(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
}

/** A crypto folder in the cryptogen layout, as `.devnet/crypto` of the local network. */
export class CryptoLayout {
  constructor(readonly root: string) {}

  resolve(relative: string): string {
    return path.join(this.root, relative);
  }

  exists(relative: string): boolean {
    return existsSync(this.resolve(relative));
  }

  peerOrgDomains(): string[] {
    return subfolders(this.resolve('peerOrganizations'));
  }

  /** The peer organisation of an NMI: the domain whose first label is the NMI's name in lower case (ptb.…). */
  peerOrg(nmi: string): PeerOrgLayout {
    const label = nmi.toLowerCase();
    const domains = this.peerOrgDomains();
    const domain = domains.find((candidate) => candidate.split('.')[0] === label);
    if (domain === undefined) {
      const found = domains.length === 0 ? 'none' : domains.join(', ');
      throw new Error(
        `no peer organisation for NMI ${nmi} under ${this.resolve('peerOrganizations')} (found: ${found})`,
      );
    }
    return new PeerOrgLayout(domain);
  }

  /** The one orderer organisation, or undefined when the folder holds none (an NMI's own material). */
  ordererOrg(): OrdererOrgLayout | undefined {
    const domains = subfolders(this.resolve('ordererOrganizations'));
    if (domains.length > 1) {
      throw new Error(`more than one orderer organisation under ${this.root}: ${domains.join(', ')}`);
    }
    const [domain] = domains;
    return domain === undefined ? undefined : new OrdererOrgLayout(domain);
  }

  /** How many consecutive ordinals from 0 have a folder (peers or orderers). */
  countOrdinals(folderOf: (ordinal: number) => string): number {
    let count = 0;
    while (this.exists(folderOf(count))) {
      count += 1;
    }
    return count;
  }
}
