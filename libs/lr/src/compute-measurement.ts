import { computeEnergy } from './energy/compute-energy';
import { computeEnergyFe } from './energy-fe/compute-energy-fe';
import { type LrOutcome, type MeasurementResult, refuse } from './lr-result';
import { computeSpeed } from './speed/compute-speed';

/** Reading kinds the LR software computes a measurement for. */
export const LR_KINDS = ['speed', 'energy', 'energy-fe'] as const;
export type LrKind = (typeof LR_KINDS)[number];

/** The LR software for a reading of `kind`: pure, deterministic, never throws on bad input. */
export function computeMeasurement(kind: string, payload: unknown): LrOutcome<MeasurementResult> {
  switch (kind) {
    case 'speed':
      return computeSpeed(payload);
    case 'energy':
      return computeEnergy(payload);
    case 'energy-fe':
      return computeEnergyFe(payload);
    default:
      return refuse('KIND_UNSUPPORTED', `no LR algorithm for readings of kind '${kind}'`);
  }
}
