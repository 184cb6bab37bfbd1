import { setTimeout as delay } from 'node:timers/promises';
import {
  isoTimestampSchema,
  meterIdSchema,
  signatureBase64Schema,
  verificationIdSchema,
} from '@metrochain/contracts';
import type { Command } from '../command';
import { usageError } from '@metrochain/tool-kit';
import { CliErrorCode, ExitCode, cliError } from '../cli-error';
import type { VerificationClient } from '@metrochain/tool-kit';
import { readData } from '../io/inputs';
import { checked, parseOptions, required } from '@metrochain/tool-kit';
import { DATA_HELP, VERIFICATION_HELP, VERIFICATION_OPTIONS } from '../options/shared-options';
import { proofReport, type ProofReport } from '../views/proof-report';
import { verificationClient } from './service-clients';

const VERIFY_OPTIONS = {
  ...VERIFICATION_OPTIONS,
  meter: { type: 'string' },
  data: { type: 'string' },
  file: { type: 'string' },
  signature: { type: 'string' },
  'measured-at': { type: 'string' },
} as const;

export const verifyCommand: Command = {
  name: 'verify',
  summary: "check a meter's signature against the ledger through the verification service (logged)",
  usage: `metrochain-pki verify --meter <id> (--data <text> | --file <path>) --signature <b64> [--measured-at <iso>] [--verification <url> | --org <nmi>]

  --meter <id>           meter id
${DATA_HELP}
  --signature <base64>   the meter's DER ECDSA signature, standard base64
  --measured-at <iso>    when the data was measured (selects the key and status then); default now
${VERIFICATION_HELP}

Prints the verification record (verificationId, outcome, reason, meterStatus, keyFingerprint, attestedBy, ...)
with valid. Exit code 0 when valid, 3 when the service answered invalid, 1 when it could not answer.
The record's inclusion in the anchored log: metrochain-pki proof --id <verificationId>.`,
  async run(argv, context) {
    const values = parseOptions(argv, VERIFY_OPTIONS);
    const meterId = checked(meterIdSchema, required(values.meter, 'meter'), 'meter');
    const signature = checked(signatureBase64Schema, required(values.signature, 'signature'), 'signature');
    const measured = values['measured-at'];
    const request = {
      meterId,
      data: await readData(values, context),
      signature,
      ...(measured === undefined ? {} : { measuredAt: checked(isoTimestampSchema, measured, 'measured-at') }),
    };
    const verdict = await verificationClient(values, context).verify(request);
    return { output: verdict, exitCode: verdict.valid ? ExitCode.OK : ExitCode.INVALID };
  },
};

const PROOF_OPTIONS = { ...VERIFICATION_OPTIONS, id: { type: 'string' }, wait: { type: 'string' } } as const;
const POLL_INTERVAL_MS = 500;

export const proofCommand: Command = {
  name: 'proof',
  summary: 'fetch a verification record and check its inclusion proof against the anchored Merkle root',
  usage: `metrochain-pki proof --id <verificationId> [--wait <seconds>] [--verification <url> | --org <nmi>]

Fetches the logged record, recomputes its leaf (RFC 8785 canonical JSON of the record) and checks the RFC 6962
inclusion proof against the Merkle root anchored on the ledger for its batch.

  --id <verificationId>  as verify printed it, e.g. vb-...-0.3
  --wait <seconds>       wait up to this long for the batch to be anchored (default 0: do not wait)
${VERIFICATION_HELP}

Prints {record, leafHash, anchor, proof, leafHashMatches, proofVerified}. Exit code 0 when the proof verifies,
3 when it does not, 1 (NOT_ANCHORED) when the batch is not anchored yet.`,
  async run(argv, context) {
    const values = parseOptions(argv, PROOF_OPTIONS);
    const id = checked(verificationIdSchema, required(values.id, 'id'), 'id');
    const waitMs = secondsOption(values.wait, 'wait') * 1000;
    const report = await anchoredReport(verificationClient(values, context), id, Date.now() + waitMs);
    return { output: report, exitCode: report.proofVerified ? ExitCode.OK : ExitCode.INVALID };
  },
};

async function anchoredReport(
  client: VerificationClient,
  id: string,
  deadline: number,
): Promise<ProofReport> {
  for (;;) {
    const response = await client.record(id);
    if (response.anchor !== null && response.proof !== null) {
      return proofReport(response);
    }
    if (Date.now() >= deadline) {
      throw cliError(
        CliErrorCode.NOT_ANCHORED,
        `the batch of ${id} is not anchored yet; try again or use --wait`,
        {
          retriable: true,
        },
      );
    }
    await delay(POLL_INTERVAL_MS);
  }
}

function secondsOption(value: string | undefined, option: string): number {
  const seconds = Number(value ?? '0');
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw usageError(`--${option}: expected a number of seconds`);
  }
  return seconds;
}
