import { isoTimestampSchema, meterIdSchema } from '@metrochain/contracts';
import { expectRotationStatement, signData } from '@metrochain/pki';
import type { Command } from '../command';
import { loadPrivateKey } from '../keys/key-files';
import { checked, parseOptions, required } from '@metrochain/tool-kit';
import { REGISTRATION_HELP, REGISTRATION_OPTIONS } from '../options/shared-options';
import { meterSummary } from '../views/meter-summary';
import { registrationClient } from './service-clients';

const STATUS_OPTIONS = { ...REGISTRATION_OPTIONS, meter: { type: 'string' } } as const;

export const statusCommand: Command = {
  name: 'status',
  summary: 'the meter as the ledger holds it: status, keys, attestations, revocation',
  usage: `metrochain-pki status --meter <id> [--registration <url> | --org <nmi>]

  --meter <id>           meter id
${REGISTRATION_HELP}

Prints the ledger record with attestedBy; METER_UNKNOWN (exit 1) when no NMI ever attested the meter.`,
  async run(argv, context) {
    const values = parseOptions(argv, STATUS_OPTIONS);
    const meterId = checked(meterIdSchema, required(values.meter, 'meter'), 'meter');
    return { output: meterSummary(await registrationClient(values, context, 'anyone').getMeter(meterId)) };
  },
};

const REVOKE_OPTIONS = {
  ...REGISTRATION_OPTIONS,
  meter: { type: 'string' },
  reason: { type: 'string' },
  'effective-at': { type: 'string' },
} as const;

export const revokeCommand: Command = {
  name: 'revoke',
  summary: "revoke a meter in the NMI's name; signatures over data measured from then on fail",
  usage: `metrochain-pki revoke --meter <id> --reason <text> [--effective-at <iso>] [--registration <url> | --org <nmi>]

  --meter <id>           meter id
  --reason <text>        why, 1-1000 characters (kept on the ledger)
  --effective-at <iso>   ISO 8601 with offset; default the transaction time, at most 24 h before it
${REGISTRATION_HELP}

Prints the revoked meter with the transaction.`,
  async run(argv, context) {
    const values = parseOptions(argv, REVOKE_OPTIONS);
    const meterId = checked(meterIdSchema, required(values.meter, 'meter'), 'meter');
    const reason = required(values.reason, 'reason');
    const effective = values['effective-at'];
    const request = {
      reason,
      ...(effective === undefined
        ? {}
        : { effectiveAt: checked(isoTimestampSchema, effective, 'effective-at') }),
    };
    return {
      output: meterSummary(
        await registrationClient(values, context, 'nmi-operator').revoke(meterId, request),
      ),
    };
  },
};

const ROTATE_OPTIONS = {
  ...REGISTRATION_OPTIONS,
  meter: { type: 'string' },
  key: { type: 'string' },
  'new-key': { type: 'string' },
} as const;

export const rotateCommand: Command = {
  name: 'rotate',
  summary: "replace an active meter's key: old and new key both sign the rotation statement",
  usage: `metrochain-pki rotate --meter <id> --key <old-priv.pem> --new-key <new-priv.pem> [--registration <url> | --org <nmi>]

Requests a rotation for the new public key, checks that the statement names this meter and both keys, signs it
with the old key (continuity) and the new key (possession) and answers. The meter stays active; the old key stays
valid for data measured before the rotation.

  --meter <id>           meter id
  --key <old-priv.pem>   the meter's current private key
  --new-key <priv.pem>   the new private key (metrochain-pki keygen)
${REGISTRATION_HELP}

Prints the meter with its new key and the transaction.`,
  async run(argv, context) {
    const values = parseOptions(argv, ROTATE_OPTIONS);
    const meterId = checked(meterIdSchema, required(values.meter, 'meter'), 'meter');
    const oldPair = loadPrivateKey(required(values.key, 'key'));
    const newPair = loadPrivateKey(required(values['new-key'], 'new-key'));
    const client = registrationClient(values, context, 'nmi-operator');
    const rotation = await client.issueRotation(meterId, { newPublicKeyPem: newPair.publicKey.pem });
    expectRotationStatement(rotation.statement, {
      meterId,
      oldKeyFingerprint: oldPair.publicKey.fingerprint,
      newKeyFingerprint: newPair.publicKey.fingerprint,
    });
    const committed = await client.answerRotation(rotation.rotationId, {
      oldKeySignature: signData(oldPair.privateKey, rotation.statement),
      newKeySignature: signData(newPair.privateKey, rotation.statement),
    });
    return { output: meterSummary(committed) };
  },
};
