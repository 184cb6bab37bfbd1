/** Where a command finds a service: an explicit URL, or the named NMI's instance in the network file. */
export const REGISTRATION_OPTIONS = {
  registration: { type: 'string' },
  org: { type: 'string' },
  token: { type: 'string' },
} as const;

export const VERIFICATION_OPTIONS = {
  verification: { type: 'string' },
  org: { type: 'string' },
} as const;

export const REGISTRATION_HELP = `  --registration <url>   registration service (default: $METROCHAIN_REGISTRATION_URL, the network file, http://127.0.0.1:3001)
  --org <name>           use this NMI's registration instance listed in the network file (e.g. Inmetro)
  --token <jwt>          act with this bearer token (default: $METROCHAIN_TOKEN, else the network file's first
                         manufacturer for register/challenge/answer, the NMI's operator for revoke/rotate)`;

export const VERIFICATION_HELP = `  --verification <url>   verification service (default: $METROCHAIN_VERIFICATION_URL, the network file, http://127.0.0.1:3002)
  --org <name>           use this NMI's verification instance listed in the network file`;

export const DATA_HELP = `  --data <text>          the signed UTF-8 text itself
  --file <path>          or the text in a file (- for standard input)`;
