import type { HeldRegistrationView, MeterView } from '@metrochain/contracts';

/** The NMIs that attested the meter, once each in ledger order, as verification records list them. */
export function attestedBy(view: MeterView): string[] {
  return [...new Set(view.attestations.map((attestation) => attestation.msp))];
}

/** The meter as the registration API shows it, with `attestedBy` next to the status for a reader of the output. */
/** A held registration as it is; a committed record as meterSummary shows it. */
export function answerSummary<View extends MeterView>(
  answer: View | HeldRegistrationView,
): (View & { attestedBy: string[] }) | HeldRegistrationView {
  return answer.status === 'held' ? answer : meterSummary(answer);
}

export function meterSummary<View extends MeterView>(view: View): View & { attestedBy: string[] } {
  const { meterId, model, status, ...rest } = view;
  return { meterId, model, status, attestedBy: attestedBy(view), ...rest } as View & { attestedBy: string[] };
}
