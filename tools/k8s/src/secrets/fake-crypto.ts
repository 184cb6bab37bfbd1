import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SERVICE_NAMES } from '@metrochain/contracts';

/**
 * A crypto folder in the cryptogen layout with PEM-shaped files whose body names the file, for specs: enough to
 * check which file lands under which key, and cheap (no keys are generated).
 */
export interface FakeCryptoSpec {
  readonly nmis: readonly { readonly name: string; readonly peers: number }[];
  readonly orderers: number;
  /** Write network.json beside the crypto folder, naming the NMIs as the local network does. */
  readonly networkJson: boolean;
}

function pem(kind: string, relative: string): string {
  return `-----BEGIN ${kind}-----\n${Buffer.from(relative).toString('base64')}\n-----END ${kind}-----\n`;
}

function write(root: string, relative: string): void {
  const kind = /key|priv_sk/.test(relative) ? 'PRIVATE KEY' : 'CERTIFICATE';
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), pem(kind, relative));
}

/** A node's msp/ and tls/ as cryptogen writes them (files named after the node and its CAs). */
function writeNode(root: string, dir: string, node: string, domain: string): void {
  write(root, `${dir}/msp/signcerts/${node}-cert.pem`);
  write(root, `${dir}/msp/keystore/priv_sk`);
  write(root, `${dir}/msp/cacerts/ca.${domain}-cert.pem`);
  write(root, `${dir}/msp/tlscacerts/tlsca.${domain}-cert.pem`);
  write(root, `${dir}/msp/config.yaml`);
  write(root, `${dir}/tls/server.crt`);
  write(root, `${dir}/tls/server.key`);
  write(root, `${dir}/tls/ca.crt`);
}

function writePeerOrg(root: string, name: string, peers: number): void {
  const domain = `${name.toLowerCase()}.metrochain.local`;
  const org = `peerOrganizations/${domain}`;
  write(root, `${org}/tlsca/tlsca.${domain}-cert.pem`);
  for (let ordinal = 0; ordinal < peers; ordinal += 1) {
    const node = `peer${String(ordinal)}.${domain}`;
    writeNode(root, `${org}/peers/${node}`, node, domain);
  }
  writeNode(root, `${org}/users/Admin@${domain}`, `Admin@${domain}`, domain);
  for (const service of SERVICE_NAMES) {
    write(root, `${org}/users/${service}@${domain}/cert.pem`);
    write(root, `${org}/users/${service}@${domain}/key.pem`);
  }
  write(root, `${org}/ccserver/server.crt`);
  write(root, `${org}/ccserver/server.key`);
}

/** Writes the tree under `<dir>/crypto` and returns that folder. */
export function writeFakeCrypto(dir: string, spec: FakeCryptoSpec): string {
  const root = path.join(dir, 'crypto');
  for (const nmi of spec.nmis) {
    writePeerOrg(root, nmi.name, nmi.peers);
  }
  const domain = 'metrochain.local';
  const org = `ordererOrganizations/${domain}`;
  if (spec.orderers > 0) {
    write(root, `${org}/tlsca/tlsca.${domain}-cert.pem`);
    for (let k = 1; k <= spec.orderers; k += 1) {
      writeNode(
        root,
        `${org}/orderers/orderer${String(k)}.${domain}`,
        `orderer${String(k)}.${domain}`,
        domain,
      );
    }
    for (const file of ['client.crt', 'client.key', 'ca.crt']) {
      write(root, `${org}/users/Admin@${domain}/tls/${file}`);
    }
  }
  if (spec.networkJson) {
    const organizations = Object.fromEntries(spec.nmis.map((nmi) => [nmi.name, { mspId: `${nmi.name}MSP` }]));
    writeFileSync(path.join(dir, 'network.json'), JSON.stringify({ organizations }));
  }
  return root;
}

/** The text a fake file holds, to compare with what a Secret key carries. */
export function fakeFileContent(relative: string): string {
  return pem(/key|priv_sk/.test(relative) ? 'PRIVATE KEY' : 'CERTIFICATE', relative);
}

/** The fixtures of the documented install (PTB and Inmetro with two peers each, three orderers, network.json). */
export interface DocumentedInstallCrypto {
  /** The crypto folder. */
  readonly crypto: string;
  /** A channel block: arbitrary bytes like the protobuf it stands for, which must survive as base64. */
  readonly block: string;
}

export function writeDocumentedInstallCrypto(dir: string): DocumentedInstallCrypto {
  const crypto = writeFakeCrypto(dir, {
    nmis: [
      { name: 'PTB', peers: 2 },
      { name: 'Inmetro', peers: 2 },
    ],
    orderers: 3,
    networkJson: true,
  });
  const block = path.join(dir, 'nmichannel.block');
  writeFileSync(block, Buffer.from([0x0a, 0x00, 0xff, 0x80, 0x12, 0x0d]));
  return { crypto, block };
}
