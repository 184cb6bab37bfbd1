import type { Reading, ReadingRejectionReason } from '@metrochain/contracts';
import type { MeasurementResult } from '@metrochain/lr';
import { slotEndMs } from '../billing/fe-slot-index';
import { instantOf } from '../registry/meter-timeline';
import type { BatchLedger } from './batch-ledger';

/** The LR-level code of an energy-fe reading measured before its slot ended. */
export const FE_SLOT_NOT_ENDED = 'FE_SLOT_NOT_ENDED';

export type SlotRefusal = Readonly<{ reason: ReadingRejectionReason; detail: string; lrCode?: string }>;

/**
 * What an energy-fe measurement must satisfy besides the LR's checks (docs/billing.md): the slot has ended by
 * `measuredAt` (a meter cannot total a slot that is still running), and no ciphertext is recorded for the meter's
 * (day, slot) yet, on the ledger or earlier in this batch: two ciphertexts of one slot and label leak their difference.
 */
export function feSlotRefusal(
  ledger: BatchLedger,
  reading: Readonly<Pick<Reading, 'meterId' | 'measuredAt'>>,
  result: MeasurementResult,
): SlotRefusal | undefined {
  if (result.kind !== 'energy-fe') {
    return undefined;
  }
  const slotName = `slot ${String(result.slot)} of ${result.day}`;
  if (instantOf(reading.measuredAt) < slotEndMs(result.day, result.slot)) {
    return {
      reason: 'SENSOR_DATA_IMPLAUSIBLE',
      detail: `${slotName} had not ended at ${reading.measuredAt}`,
      lrCode: FE_SLOT_NOT_ENDED,
    };
  }
  const taken = ledger.feSlot(reading.meterId, result.day, result.slot);
  if (taken !== undefined) {
    return {
      reason: 'FE_SLOT_TAKEN',
      detail: `${slotName} holds the ciphertext of seq ${String(taken.seq)}`,
    };
  }
  return undefined;
}
