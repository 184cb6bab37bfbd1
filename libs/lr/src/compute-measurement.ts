import { computeEnergy } from './energy/compute-energy';
import { type EnergyResult, type LrOutcome, type SpeedResult, refuse } from './lr-result';
import { computeSpeed } from './speed/compute-speed';

/** The LR software for a reading of `kind`: pure, deterministic, never throws on bad input. */
export function computeMeasurement(kind: string, payload: unknown): LrOutcome<SpeedResult | EnergyResult> {
  switch (kind) {
    case 'speed':
      return computeSpeed(payload);
    case 'energy':
      return computeEnergy(payload);
    default:
      return refuse('KIND_UNSUPPORTED', `no LR algorithm for readings of kind '${kind}'`);
  }
}
