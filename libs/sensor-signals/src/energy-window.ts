import { gaussian, seededRandom } from './prng';

/** The simulator's noise on voltage and current: Gaussian, this fraction of each signal's peak (0.1 %). */
export const DEFAULT_ENERGY_NOISE_FRACTION = 0.001;

export interface EnergyWindowOptions {
  vrms?: number;
  irms?: number;
  /** Current lagging voltage, radians. */
  phaseRad?: number;
  frequencyHz?: number;
  sampleRateHz?: number;
  /** Whole mains cycles in the window. */
  cycles?: number;
  noiseFraction?: number;
  seed?: number;
  /** Decimal places kept, like an ADC's resolution. */
  decimals?: number;
}

export interface EnergyPayload {
  sampleRateHz: number;
  voltageV: number[];
  currentA: number[];
}

/**
 * Sinusoidal voltage and current over whole cycles. `truthWh` is the active energy of the continuous signals,
 * Vrms·Irms·cos φ·T; over whole cycles the sampled sum equals it exactly when there is no noise and no rounding.
 */
export function synthesizeEnergyWindow(options: Readonly<EnergyWindowOptions> = {}): {
  payload: EnergyPayload;
  truthWh: number;
} {
  const vrms = options.vrms ?? 230;
  const irms = options.irms ?? 5;
  const phase = options.phaseRad ?? 0;
  const frequency = options.frequencyHz ?? 50;
  const rate = options.sampleRateHz ?? 1000;
  const count = Math.round(((options.cycles ?? 10) * rate) / frequency);
  const noise = gaussian(seededRandom(options.seed ?? 1));
  const fraction = options.noiseFraction ?? DEFAULT_ENERGY_NOISE_FRACTION;
  const scale = 10 ** (options.decimals ?? 3);
  const sample = (peak: number, shift: number, n: number): number => {
    const clean = peak * Math.sin((2 * Math.PI * frequency * n) / rate - shift);
    return Math.round((clean + (fraction === 0 ? 0 : fraction * peak * noise())) * scale) / scale;
  };
  const indices = Array.from({ length: count }, (_, n) => n);
  return {
    payload: {
      sampleRateHz: rate,
      voltageV: indices.map((n) => sample(Math.SQRT2 * vrms, 0, n)),
      currentA: indices.map((n) => sample(Math.SQRT2 * irms, phase, n)),
    },
    truthWh: (vrms * irms * Math.cos(phase) * (count / rate)) / 3600,
  };
}
