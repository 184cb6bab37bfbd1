import { signData } from '@metrochain/pki';
import type { Command } from '../command';
import { readData } from '../io/inputs';
import { loadPrivateKey } from '../keys/key-files';
import { DATA_HELP } from '../options/shared-options';
import { parseOptions, required } from '@metrochain/tool-kit';

const OPTIONS = { key: { type: 'string' }, data: { type: 'string' }, file: { type: 'string' } } as const;

export const signCommand: Command = {
  name: 'sign',
  summary: 'sign text as a meter does: ECDSA P-256 SHA-256, DER, standard base64',
  usage: `metrochain-pki sign --key <priv.pem> (--data <text> | --file <path>)

Signs the UTF-8 text as the authors' fabpki meter clients do (ECDSA-P256-SHA256, DER signature, standard
base64), so the signature verifies with OpenSSL, the verification service and the authors' tools.

  --key <priv.pem>       the meter's private key, PKCS#8 or SEC1 PEM
${DATA_HELP}

Prints {signature, keyFingerprint}.`,
  async run(argv, context) {
    const values = parseOptions(argv, OPTIONS);
    const pair = loadPrivateKey(required(values.key, 'key'));
    const data = await readData(values, context);
    return {
      output: { signature: signData(pair.privateKey, data), keyFingerprint: pair.publicKey.fingerprint },
    };
  },
};
