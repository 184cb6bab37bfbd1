import {
  challengeIdSchema,
  meterIdSchema,
  meterModelSchema,
  signatureBase64Schema,
} from '@metrochain/contracts';
import { expectAttestationStatement, signData } from '@metrochain/pki';
import type { Command } from '../command';
import { usageError } from '@metrochain/tool-kit';
import { readTextOrFile } from '../io/inputs';
import { loadKeyPair, loadPrivateKey, loadPublicKey } from '../keys/key-files';
import { checked, exactlyOne, parseOptions, required } from '@metrochain/tool-kit';
import { REGISTRATION_HELP, REGISTRATION_OPTIONS } from '../options/shared-options';
import { answerSummary } from '../views/meter-summary';
import { registrationClient } from './service-clients';

const VIEW_HELP = `Prints the meter as the ledger holds it after this NMI's attestation, with attestedBy (the NMIs that
attested) and the transaction: status "pending" until enough NMIs attested (2 by default), then "active".`;

const REGISTER_OPTIONS = {
  ...REGISTRATION_OPTIONS,
  meter: { type: 'string' },
  model: { type: 'string' },
  key: { type: 'string' },
  pub: { type: 'string' },
} as const;

export const registerCommand: Command = {
  name: 'register',
  summary: "prove the meter holds its key to one NMI's registration service (challenge, sign, answer)",
  usage: `metrochain-pki register --meter <id> --model <model> --key <priv.pem> [--pub <pub.pem>] [--registration <url> | --org <nmi>]

Asks the NMI's registration service for a challenge, checks that the statement is an attestation challenge for
this meter and key, signs it with the meter's key and answers. Run once per NMI (--org or --registration).

  --meter <id>           meter id (1-128 of A-Z a-z 0-9 . _ : -)
  --model <model>        type-approved model, e.g. "EM-340 Rev.2"
  --key <priv.pem>       the meter's private key
  --pub <pub.pem>        its public key, checked to match (default: derived from --key)
${REGISTRATION_HELP}

${VIEW_HELP}`,
  async run(argv, context) {
    const values = parseOptions(argv, REGISTER_OPTIONS);
    const meterId = checked(meterIdSchema, required(values.meter, 'meter'), 'meter');
    const model = checked(meterModelSchema, required(values.model, 'model'), 'model');
    const pair = loadKeyPair(required(values.key, 'key'), values.pub);
    const client = registrationClient(values, context, 'manufacturer');
    const challenge = await client.issueChallenge({ meterId, model, publicKeyPem: pair.publicKey.pem });
    expectAttestationStatement(challenge.statement, { meterId, keyFingerprint: pair.publicKey.fingerprint });
    const signature = signData(pair.privateKey, challenge.statement);
    return { output: answerSummary(await client.answerChallenge(challenge.challengeId, { signature })) };
  },
};

const CHALLENGE_OPTIONS = {
  ...REGISTRATION_OPTIONS,
  meter: { type: 'string' },
  model: { type: 'string' },
  pub: { type: 'string' },
} as const;

export const challengeCommand: Command = {
  name: 'challenge',
  summary: "first half of register, for the NMI: request a challenge for a meter's public key",
  usage: `metrochain-pki challenge --meter <id> --model <model> --pub <pub.pem> [--registration <url> | --org <nmi>]

For when the NMI and the meter are different parties: the NMI requests the challenge with the meter's public
key, the meter signs the statement (metrochain-pki sign, or answer --key), the NMI answers with the signature.

  --meter <id>           meter id
  --model <model>        type-approved model
  --pub <pub.pem>        the meter's SPKI public key
${REGISTRATION_HELP}

Prints {challengeId, registrationId, statement, expiresAt}; the challenge is single use, valid for 300 s.`,
  async run(argv, context) {
    const values = parseOptions(argv, CHALLENGE_OPTIONS);
    const meterId = checked(meterIdSchema, required(values.meter, 'meter'), 'meter');
    const model = checked(meterModelSchema, required(values.model, 'model'), 'model');
    const publicKey = loadPublicKey(required(values.pub, 'pub'));
    const client = registrationClient(values, context, 'manufacturer');
    return { output: await client.issueChallenge({ meterId, model, publicKeyPem: publicKey.pem }) };
  },
};

const ANSWER_OPTIONS = {
  ...REGISTRATION_OPTIONS,
  'registration-id': { type: 'string' },
  key: { type: 'string' },
  statement: { type: 'string' },
  signature: { type: 'string' },
} as const;

export const answerCommand: Command = {
  name: 'answer',
  summary: 'second half of register: answer a challenge with the meter key (or a signature made elsewhere)',
  usage: `metrochain-pki answer --registration-id <id> (--key <priv.pem> --statement <text|@file> | --signature <b64>) [--registration <url> | --org <nmi>]

  --registration-id <id> the challenge's registrationId (= challengeId)
  --key <priv.pem>       sign the statement here with the meter's private key ...
  --statement <text>     ... the challenge's statement, or @file to read it from a file
  --signature <base64>   or answer with the meter's signature over the statement, made elsewhere
${REGISTRATION_HELP}

With --key, the statement is checked to be an attestation challenge for that key before it is signed.
${VIEW_HELP}`,
  async run(argv, context) {
    const values = parseOptions(argv, ANSWER_OPTIONS);
    const id = checked(
      challengeIdSchema,
      required(values['registration-id'], 'registration-id'),
      'registration-id',
    );
    const byKey = exactlyOne(values, 'key', 'signature') === 'first';
    if (!byKey && values.statement !== undefined) {
      throw usageError('--statement goes with --key; --signature is already over the statement');
    }
    const signature = byKey
      ? signChallenge(values.key ?? '', required(values.statement, 'statement'))
      : checked(signatureBase64Schema, values.signature ?? '', 'signature');
    const client = registrationClient(values, context, 'manufacturer');
    return { output: answerSummary(await client.answerChallenge(id, { signature })) };
  },
};

function signChallenge(keyFile: string, statementOption: string): string {
  const pair = loadPrivateKey(keyFile);
  // Canonical JSON never ends in a newline; one there came from saving the statement to a file (jq -r, echo).
  const statement = readTextOrFile(statementOption, 'statement file').replace(/\r?\n$/, '');
  expectAttestationStatement(statement, { keyFingerprint: pair.publicKey.fingerprint });
  return signData(pair.privateKey, statement);
}
