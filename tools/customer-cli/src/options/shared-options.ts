/** Where a command finds the billing service and whom it acts as. */
export const BILLING_OPTIONS = {
  billing: { type: 'string' },
  token: { type: 'string' },
  customer: { type: 'string' },
} as const;

export const BILLING_HELP = `  --billing <url>        billing service (default: $METROCHAIN_BILLING_URL, the network file, http://127.0.0.1:3004)
  --token <jwt>          act with this bearer token (default: $METROCHAIN_TOKEN, else --customer's token)
  --customer <name>      the customer principal in the network file whose token to use (default: its first customer)`;

export const SEED_HELP = `  --seed <file>          the meter's seed file (metrochain-customer seed): base64 of 32 bytes; or a JSON list
                         [{meterId, seed}] such as the simulated fleet's customer-seeds.json (the account's meter's)`;
