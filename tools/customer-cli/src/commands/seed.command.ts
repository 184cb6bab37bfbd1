import path from 'node:path';
import { parseOptions, required, writeNewFile } from '@metrochain/tool-kit';
import type { Command } from '../command';
import { encodeSeed } from '../seed/seed-file';

const OPTIONS = { out: { type: 'string' } } as const;

export const seedCommand: Command = {
  name: 'seed',
  summary: 'new meter seed (32 random bytes, base64) in a new file of mode 0600; the seed is never printed',
  usage: `metrochain-customer seed --out <file>

Generates the meter's functional-encryption seed on the customer's device (docs/billing.md, "Seeds at
installation"). The installer writes it into the meter; the customer keeps the file (and a paper backup). The
utility and the NMIs never see it. An existing file is never overwritten (FILE_EXISTS).

  --out <file>           the seed file to create (mode 0600)

Prints {seedFile}, the file's absolute path; never the seed.`,
  run(argv, context) {
    const values = parseOptions(argv, OPTIONS);
    const out = required(values.out, 'out');
    writeNewFile(out, encodeSeed(context.fe.generateSeed()), 0o600);
    return Promise.resolve({ output: { seedFile: path.resolve(out) } });
  },
};
