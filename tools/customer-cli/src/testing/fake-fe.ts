import { createHash } from 'node:crypto';
import { DomainError } from '@metrochain/errors';
import type { DlogSolver, DlogSolverOptions, FeFunctions } from '../fe/fe-functions';

interface FakeCiphertext {
  seed: string;
  label: string;
  slot: number;
  wh: number;
}

/**
 * Stands in for libs/fe in specs: no FE math, but a ciphertext opens only with its own seed, label and slot, as the
 * real one does (FE_NO_RESULT otherwise). Records the weights of every key and the solvers created.
 */
export interface FakeFe extends FeFunctions {
  encrypt(seed: Uint8Array, label: string, slot: number, wh: number): string;
  readonly keys: { seed: string; weights: readonly number[] }[];
  readonly solvers: DlogSolverOptions[];
}

const digest = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function fakeFe(seedByte = 7): FakeFe {
  const keys: FakeFe['keys'] = [];
  const solvers: DlogSolverOptions[] = [];
  return {
    keys,
    solvers,
    generateSeed: () => new Uint8Array(32).fill(seedByte),
    feLabel: (meterId, day) => `${meterId}|${day}`,
    functionalKey(seed, weights) {
      keys.push({ seed: digest(seed), weights: [...weights] });
      const weightDigest = createHash('sha256').update(JSON.stringify(weights)).digest();
      return Buffer.concat([Buffer.from(digest(seed), 'hex'), weightDigest]).toString('base64');
    },
    encrypt(seed, label, slot, wh) {
      const body: FakeCiphertext = { seed: digest(seed), label, slot, wh };
      return Buffer.from(JSON.stringify(body)).toString('base64');
    },
    decryptReading(seed, label, slot, ciphertext) {
      const body = JSON.parse(Buffer.from(ciphertext, 'base64').toString('utf8')) as FakeCiphertext;
      if (body.seed !== digest(seed) || body.label !== label || body.slot !== slot) {
        throw new DomainError({ code: 'FE_NO_RESULT', message: 'no reading within the bound' });
      }
      return body.wh;
    },
    createDlogSolver(options): DlogSolver {
      solvers.push(options);
      // The commands only hand the solver on to decryptReading; the real one has more members than libs/fe's skeleton.
      const solver: Partial<DlogSolver> = { babyStepBits: options.babyStepBits ?? 0 };
      return solver as unknown as DlogSolver;
    },
  };
}
