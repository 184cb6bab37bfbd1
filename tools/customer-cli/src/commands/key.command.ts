import {
  accountIdSchema,
  isoMonthSchema,
  keyIdSchema,
  tariffIdSchema,
  type KeyInput,
} from '@metrochain/contracts';
import { checked, integerOption, parseOptions, required, usageError } from '@metrochain/tool-kit';
import { tariffWeights } from '../billing/tariff-weights';
import type { Command } from '../command';
import { BILLING_HELP, BILLING_OPTIONS, SEED_HELP } from '../options/shared-options';
import { readSeedFile, seedOf } from '../seed/seed-file';
import { billingClient } from './billing-client';

const OPTIONS = {
  ...BILLING_OPTIONS,
  seed: { type: 'string' },
  account: { type: 'string' },
  tariff: { type: 'string' },
  version: { type: 'string' },
  'valid-from': { type: 'string' },
  'valid-to': { type: 'string' },
  'key-id': { type: 'string' },
} as const;

type Values = ReturnType<typeof parseOptions<typeof OPTIONS>>;

/** The request's fields from the command line, checked against the API's schemas before anything is sent. */
function keyRequest(values: Values): Omit<KeyInput, 'functionalKey'> & { accountId: string } {
  const validFrom = checked(isoMonthSchema, required(values['valid-from'], 'valid-from'), 'valid-from');
  const validTo =
    values['valid-to'] === undefined ? undefined : checked(isoMonthSchema, values['valid-to'], 'valid-to');
  if (validTo !== undefined && validTo <= validFrom) {
    throw usageError(`--valid-to (${validTo}) must lie after --valid-from (${validFrom}); it is exclusive`);
  }
  const keyId = values['key-id'] === undefined ? undefined : checked(keyIdSchema, values['key-id'], 'key-id');
  return {
    accountId: checked(accountIdSchema, required(values.account, 'account'), 'account'),
    tariffId: checked(tariffIdSchema, required(values.tariff, 'tariff'), 'tariff'),
    tariffVersion: integerOption(required(values.version, 'version'), 'version', {
      min: 1,
      max: 1_000_000,
      fallback: 1,
    }),
    validFrom,
    ...(validTo === undefined ? {} : { validTo }),
    ...(keyId === undefined ? {} : { keyId }),
  };
}

export const keyCommand: Command = {
  name: 'key',
  summary:
    "issue the account's functional key for a catalogue tariff (the key goes to the billing service only)",
  usage: `metrochain-customer key --seed <file> --account <id> --tariff <id> --version <n> --valid-from YYYY-MM [--valid-to YYYY-MM] [--key-id <id>]

Fetches the tariff from the catalogue, derives the functional key for its weights (the price of each slot's band,
one weight per 15-minute slot of the day) from the meter's seed, and gives it to the billing service, which
records the issuance on the ledger under the key policy (KEY_POLICY_VIOLATION, KEY_VALIDITY_OVERLAP,
TARIFF_UNKNOWN). The key lets the bill be computed; it never reveals a single slot's reading.

${SEED_HELP}
  --account <id>         the customer's account
  --tariff <id>          catalogue tariff id
  --version <n>          its version
  --valid-from YYYY-MM   first month the key bills
  --valid-to YYYY-MM     first month it no longer bills (default: open-ended, until a successor starts)
  --key-id <id>          the key's id (default: chosen by the service)
${BILLING_HELP}

Prints the issuance record: {keyId, accountId, meterId, tariffId, tariffVersion, partitionId, validFrom, validTo,
keyHash, issuedByMsp, issuedAt, txId}; never the key.`,
  async run(argv, context) {
    const values = parseOptions(argv, OPTIONS);
    const { accountId, ...request } = keyRequest(values);
    const seedFile = readSeedFile(required(values.seed, 'seed'));
    const client = billingClient(values, context);
    // A list of seeds names meters: the account says which is this account's.
    const seed =
      seedFile.kind === 'single'
        ? seedFile.seed
        : seedOf(seedFile, (await client.getAccount(accountId)).meterId);
    const tariff = await client.getTariff(request.tariffId, request.tariffVersion);
    const functionalKey = context.fe.functionalKey(seed, tariffWeights(tariff));
    return { output: await client.issueKey(accountId, { ...request, functionalKey }) };
  },
};
