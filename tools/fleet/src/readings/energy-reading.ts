import { synthesizeEnergyWindow } from '@metrochain/sensor-signals';
import type { BuiltReading } from './speed-reading';

export interface EnergyReadingInput {
  meterId: string;
  seq: number;
  /** The end of the window. */
  measuredAt: Date;
  vrms: number;
  irms: number;
  /** Current lagging voltage, radians. */
  phaseRad: number;
  /** Whole 50 Hz cycles in the window. */
  cycles: number;
  /** Sensor noise on voltage and current (libs/sensor-signals' default), or clean signals. */
  noise: boolean;
  seed: number;
}

/**
 * A single-phase energy meter's reading: voltage and current samples over whole mains cycles. The truth is the
 * active energy of the continuous signals, which the LR algorithm's sum approaches. Pure.
 */
export function buildEnergyReading(input: EnergyReadingInput): BuiltReading {
  const { payload, truthWh } = synthesizeEnergyWindow({
    vrms: input.vrms,
    irms: input.irms,
    phaseRad: input.phaseRad,
    cycles: input.cycles,
    seed: input.seed,
    ...(input.noise ? {} : { noiseFraction: 0 }),
  });
  const { meterId, seq } = input;
  return {
    reading: {
      meterId,
      seq,
      measuredAt: input.measuredAt.toISOString(),
      kind: 'energy',
      payload: { ...payload },
    },
    truth: { kind: 'energy', meterId, seq, trueEnergyWh: truthWh },
  };
}
