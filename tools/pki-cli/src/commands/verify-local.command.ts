import { verifySignature } from '@metrochain/pki';
import type { Command } from '../command';
import { ExitCode } from '../cli-error';
import { readData } from '../io/inputs';
import { loadPublicKey } from '../keys/key-files';
import { DATA_HELP } from '../options/shared-options';
import { parseOptions, required } from '@metrochain/tool-kit';

const OPTIONS = {
  pub: { type: 'string' },
  data: { type: 'string' },
  file: { type: 'string' },
  signature: { type: 'string' },
} as const;

export const verifyLocalCommand: Command = {
  name: 'verify-local',
  summary: 'check a signature against a public key file, offline',
  usage: `metrochain-pki verify-local --pub <pub.pem> (--data <text> | --file <path>) --signature <base64>

Checks the signature with libs/pki, as the chaincode does, but without the ledger: no status, no key history.

  --pub <pub.pem>        the meter's SPKI public key
${DATA_HELP}
  --signature <base64>   DER ECDSA signature, standard base64

Prints {valid, keyFingerprint}. Exit code 0 when valid, 3 when not, 1 for a malformed signature or key.`,
  async run(argv, context) {
    const values = parseOptions(argv, OPTIONS);
    const key = loadPublicKey(required(values.pub, 'pub'));
    const signature = required(values.signature, 'signature');
    const valid = verifySignature(key, await readData(values, context), signature);
    return {
      output: { valid, keyFingerprint: key.fingerprint },
      exitCode: valid ? ExitCode.OK : ExitCode.INVALID,
    };
  },
};
