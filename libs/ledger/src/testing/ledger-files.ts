import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface LedgerFiles {
  dir: string;
  tlsRootCertPath: string;
  certPath: string;
  keyPath: string;
  remove(): Promise<void>;
}

/**
 * Identity material good enough to open a connection: a real P-256 key (the signer parses it); the certificates are
 * only carried as bytes until a peer checks them, which these specs never reach.
 */
export async function writeLedgerFiles(): Promise<LedgerFiles> {
  const dir = await mkdtemp(path.join(tmpdir(), 'metrochain-ledger-'));
  const files = {
    tlsRootCertPath: path.join(dir, 'ca.crt'),
    certPath: path.join(dir, 'cert.pem'),
    keyPath: path.join(dir, 'key.pem'),
  };
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  await writeFile(files.keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  await writeFile(files.certPath, '-----BEGIN CERTIFICATE-----\nplaceholder\n-----END CERTIFICATE-----\n');
  await writeFile(
    files.tlsRootCertPath,
    '-----BEGIN CERTIFICATE-----\nplaceholder\n-----END CERTIFICATE-----\n',
  );
  return { dir, ...files, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A local `host:port` where nothing listens, so that gRPC calls fail fast with UNAVAILABLE. */
export async function closedEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => {
    server.close((error) => {
      if (error) {
        reject(error);
      } else {
        resolve();
      }
    });
  });
  return `127.0.0.1:${String(port)}`;
}
