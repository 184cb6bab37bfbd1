import { isDomainError } from '@metrochain/errors';
import { assertCiphertext } from '@metrochain/fe';
import { type EnergyFeResult, type LrOutcome, refuse } from '../lr-result';
import { firstIssue } from '../payload-issues';
import { energyFePayloadSchema } from './energy-fe-payload';

/** Throws a DomainError FE_CIPHERTEXT_INVALID unless the text is a canonical ristretto255 encoding. */
export type CiphertextCheck = (ciphertext: string) => void;

/**
 * The LR step of an energy-fe reading: the payload's shape, and that the ciphertext is a canonical group element
 * (a non-canonical encoding would give one point two ledger spellings). The value stays encrypted; what the meter
 * integrated is its own type-approved computation (docs/billing.md, "What moves into the meter").
 */
export function computeEnergyFe(
  payload: unknown,
  checkCiphertext: CiphertextCheck = assertCiphertext,
): LrOutcome<EnergyFeResult> {
  const parsed = energyFePayloadSchema.safeParse(payload);
  if (!parsed.success) {
    return refuse('PAYLOAD_INVALID', firstIssue(parsed.error));
  }
  const { day, slot, ciphertext } = parsed.data;
  try {
    checkCiphertext(ciphertext);
  } catch (error) {
    // Only the library's verdict on the input is a refusal; anything else is a fault and must surface.
    if (isDomainError(error) && error.code.startsWith('FE_')) {
      return refuse('PAYLOAD_INVALID', `ciphertext: ${error.message}`);
    }
    throw error;
  }
  return { ok: true, result: { kind: 'energy-fe', day, slot, ciphertext } };
}
