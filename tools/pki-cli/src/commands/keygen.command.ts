import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Command } from '../command';
import { CliErrorCode, cliError } from '../cli-error';
import { keyPairPaths, newKeyPair } from '../keys/key-files';
import { parseOptions, required, writeNewFile } from '@metrochain/tool-kit';

const OPTIONS = { out: { type: 'string' } } as const;

export const keygenCommand: Command = {
  name: 'keygen',
  summary: 'new P-256 key pair: PKCS#8 private key (mode 0600) and SPKI public key, both PEM',
  usage: `metrochain-pki keygen --out <dir/ | prefix>

Generates a meter's ECDSA P-256 key pair. Existing files are never overwritten.

  --out <dir/>           writes <dir>/meter.key.pem and <dir>/meter.pub.pem (the folder is created, mode 0700)
  --out <prefix>         writes <prefix>.key.pem and <prefix>.pub.pem

Prints {fingerprint, privateKeyFile, publicKeyFile}; the fingerprint is the SHA-256 hex of the SPKI DER,
the key's identity on the ledger.`,
  run(argv) {
    const values = parseOptions(argv, OPTIONS);
    const files = keyPairPaths(required(values.out, 'out'));
    if (files.folder !== undefined) {
      mkdirSync(files.folder, { recursive: true, mode: 0o700 });
    }
    // Both checked before either is written, so a refusal leaves no half pair behind.
    for (const file of [files.privateKey, files.publicKey]) {
      if (existsSync(file)) {
        throw cliError(CliErrorCode.FILE_EXISTS, `${file} exists; refusing to overwrite it`, {
          details: { file },
        });
      }
    }
    const { privatePem, publicKey } = newKeyPair();
    writeNewFile(files.privateKey, privatePem, 0o600);
    writeNewFile(files.publicKey, publicKey.pem, 0o644);
    return Promise.resolve({
      output: {
        fingerprint: publicKey.fingerprint,
        privateKeyFile: path.resolve(files.privateKey),
        publicKeyFile: path.resolve(files.publicKey),
      },
    });
  },
};
