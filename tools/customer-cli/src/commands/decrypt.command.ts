import { mkdirSync } from 'node:fs';
import { accountIdSchema, isoMonthSchema, meterIdSchema } from '@metrochain/contracts';
import { checked, parseOptions, required } from '@metrochain/tool-kit';
import { decryptPeriod } from '../billing/decrypt-period';
import type { Command, CommandContext } from '../command';
import { BABY_STEP_BITS, feCacheDir, type DlogSolver } from '../fe/fe-functions';
import { BILLING_HELP, BILLING_OPTIONS, SEED_HELP } from '../options/shared-options';
import { readSeedFile, seedOf } from '../seed/seed-file';
import { billingClient } from './billing-client';

const OPTIONS = {
  ...BILLING_OPTIONS,
  seed: { type: 'string' },
  account: { type: 'string' },
  period: { type: 'string' },
  meter: { type: 'string' },
} as const;

/** One solver per run: its baby-step table is built once (or read from the cache) for every reading. */
function solverFor(context: CommandContext): DlogSolver {
  const cacheDir = feCacheDir(context.env);
  mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
  return context.fe.createDlogSolver({ babyStepBits: BABY_STEP_BITS, cacheDir });
}

export const decryptCommand: Command = {
  name: 'decrypt',
  summary: "decrypt every recorded reading of the account's meter in one month with the meter's seed",
  usage: `metrochain-customer decrypt --seed <file> --account <id> --period YYYY-MM [--meter <id>]

Fetches the ciphertexts the ledger recorded for the account's meter in the month and decrypts each with the
seed, under its day's label. A ciphertext the seed does not open (another meter's seed, or the wrong --meter)
fails with FE_NO_RESULT. The first run builds the discrete-logarithm table and caches it in
$METROCHAIN_FE_CACHE_DIR (default ~/.cache/metrochain/fe).

${SEED_HELP}
  --account <id>         the customer's account
  --period YYYY-MM       the month (UTC)
  --meter <id>           the meter whose labels to use (default: the account's meter, read from the service)
${BILLING_HELP}

Prints {meterId, period, readings: [{day, slot, seq, wh}], totalWh, slots}: readings in day and slot order (slot
0-95 is the 15-minute slot of the UTC day), their sum in Wh, and how many slots had a reading.`,
  async run(argv, context) {
    const values = parseOptions(argv, OPTIONS);
    const accountId = checked(accountIdSchema, required(values.account, 'account'), 'account');
    const period = checked(isoMonthSchema, required(values.period, 'period'), 'period');
    const givenMeter = values.meter === undefined ? undefined : checked(meterIdSchema, values.meter, 'meter');
    const seedFile = readSeedFile(required(values.seed, 'seed'));
    const client = billingClient(values, context);
    const meterId = givenMeter ?? (await client.getAccount(accountId)).meterId;
    const seed = seedOf(seedFile, meterId);
    const ciphertexts = await client.ciphertexts(accountId, period);
    const solver = solverFor(context);
    return { output: decryptPeriod({ seed, meterId, period, ciphertexts }, context.fe, solver) };
  },
};
