import { accountIdSchema } from '@metrochain/contracts';
import { checked, parseOptions, required } from '@metrochain/tool-kit';
import type { Command } from '../command';
import { BILLING_HELP, BILLING_OPTIONS } from '../options/shared-options';
import { billingClient } from './billing-client';

const OPTIONS = { ...BILLING_OPTIONS, account: { type: 'string' } } as const;

export const statementsCommand: Command = {
  name: 'statements',
  summary:
    "the account's statements (one per billed month, latest revision) as the billing service shows them",
  usage: `metrochain-customer statements --account <id>

  --account <id>         the customer's account
${BILLING_HELP}

Prints the statements as an array: per month the status ("complete" with innerProductMilliMinor and amountMinor,
or "incomplete" with the missing slots and no amount), tariff, keyId, slots expected and received, revision.`,
  async run(argv, context) {
    const values = parseOptions(argv, OPTIONS);
    const accountId = checked(accountIdSchema, required(values.account, 'account'), 'account');
    return { output: await billingClient(values, context).statements(accountId) };
  },
};
