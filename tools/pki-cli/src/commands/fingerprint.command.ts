import type { Command } from '../command';
import { loadPrivateKey, loadPublicKey } from '../keys/key-files';
import { exactlyOne, parseOptions } from '@metrochain/tool-kit';

const OPTIONS = { pub: { type: 'string' }, key: { type: 'string' } } as const;

export const fingerprintCommand: Command = {
  name: 'fingerprint',
  summary: "a key's fingerprint (SHA-256 hex of its SPKI DER) and normalised public key PEM",
  usage: `metrochain-pki fingerprint (--pub <pub.pem> | --key <priv.pem>)

  --pub <pub.pem>        an SPKI public key (P-256)
  --key <priv.pem>       or the private key, whose public key is meant

Prints {fingerprint, publicKeyPem}.`,
  run(argv) {
    const values = parseOptions(argv, OPTIONS);
    const key =
      exactlyOne(values, 'pub', 'key') === 'first'
        ? loadPublicKey(values.pub ?? '')
        : loadPrivateKey(values.key ?? '').publicKey;
    return Promise.resolve({ output: { fingerprint: key.fingerprint, publicKeyPem: key.pem } });
  },
};
