import type { SlotCiphertext } from '@metrochain/contracts';
import { isDomainError } from '@metrochain/errors';
import { ToolErrorCode, codedError, toolError } from '@metrochain/tool-kit';
import type { DlogSolver, FeFunctions } from '../fe/fe-functions';
import { summariseReadings, type DecryptedReading, type ReadingSummary } from './reading-summary';

export interface PeriodCiphertexts {
  seed: Uint8Array;
  meterId: string;
  /** YYYY-MM */
  period: string;
  ciphertexts: readonly SlotCiphertext[];
}

type Decrypting = Pick<FeFunctions, 'feLabel' | 'decryptReading'>;

/**
 * Decrypts every ciphertext of the period with the meter's seed under its day's label. A ciphertext of another day
 * than the period's, or a second one for a slot, is a RESPONSE_INVALID of the service; a ciphertext that does not
 * open to a reading within the bound (another seed or meter) keeps libs/fe's code, FE_NO_RESULT, naming the slot.
 */
export function decryptPeriod(
  input: Readonly<PeriodCiphertexts>,
  fe: Decrypting,
  solver: DlogSolver,
): ReadingSummary {
  const seen = new Set<string>();
  const readings = input.ciphertexts.map((entry): DecryptedReading => {
    const where = `${entry.day} slot ${entry.slot}`;
    if (!entry.day.startsWith(`${input.period}-`)) {
      throw toolError(
        ToolErrorCode.RESPONSE_INVALID,
        `the service answered a ciphertext of ${where}, outside ${input.period}`,
      );
    }
    if (seen.has(where)) {
      throw toolError(ToolErrorCode.RESPONSE_INVALID, `the service answered two ciphertexts for ${where}`);
    }
    seen.add(where);
    return { day: entry.day, slot: entry.slot, seq: entry.seq, wh: decryptOne(input, entry, fe, solver) };
  });
  return summariseReadings(input.meterId, input.period, readings);
}

function decryptOne(
  input: Readonly<PeriodCiphertexts>,
  entry: SlotCiphertext,
  fe: Decrypting,
  solver: DlogSolver,
): number {
  const label = fe.feLabel(input.meterId, entry.day);
  try {
    return fe.decryptReading(input.seed, label, entry.slot, entry.ciphertext, solver);
  } catch (error) {
    if (!isDomainError(error)) {
      throw error;
    }
    const message = `${entry.day} slot ${entry.slot} of meter ${input.meterId}: ${error.message} (another seed or meter?)`;
    throw codedError(error.code, message, { cause: error, details: { day: entry.day, slot: entry.slot } });
  }
}
