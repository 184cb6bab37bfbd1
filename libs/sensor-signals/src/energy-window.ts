import { gaussian, seededRandom } from './prng';

/** The simulator's noise on voltage and current: Gaussian, this fraction of each signal's peak (0.1 %). */
export const DEFAULT_ENERGY_NOISE_FRACTION = 0.001;

export interface EnergyWindowOptions {
  /** Default 230 V. */
  vrms?: number;
  /** Default 5 A. */
  irms?: number;
  /** Current lagging voltage, radians (default 0). */
  phaseRad?: number;
  /** Default 50 Hz. */
  frequencyHz?: number;
  /** Default 1,000 Hz. */
  sampleRateHz?: number;
  /** Mains cycles in the window (default 10); the window is rounded to whole samples. */
  cycles?: number;
  /** Gaussian noise as a fraction of each peak; default DEFAULT_ENERGY_NOISE_FRACTION, 0 for clean signals. */
  noiseFraction?: number;
  seed?: number;
  /** Decimal places kept, like an ADC's resolution (default 3). */
  decimals?: number;
}

export interface EnergyPayload {
  sampleRateHz: number;
  voltageV: number[];
  currentA: number[];
}

/**
 * Sinusoidal voltage v(t) = √2·Vrms·sin ωt and current i(t) = √2·Irms·sin(ωt − φ), sampled at t = n / sampleRateHz
 * over the window T = samples / sampleRateHz. `truthWh` is the active energy of the continuous signals,
 * ∫₀ᵀ v·i dt = Vrms·Irms·(T·cos φ − (sin(2ωT − φ) + sin φ) / 2ω), which is Vrms·Irms·cos φ·T over whole cycles; there
 * the sampled sum Σ v·i / sampleRateHz equals it exactly when there is no noise and no rounding.
 */
export function synthesizeEnergyWindow(options: Readonly<EnergyWindowOptions> = {}): {
  payload: EnergyPayload;
  truthWh: number;
} {
  const { vrms, irms, phaseRad, frequencyHz, sampleRateHz, cycles, noiseFraction, seed, decimals } =
    withDefaults(options);
  const count = Math.round((cycles * sampleRateHz) / frequencyHz);
  if (!(count >= 1 && frequencyHz > 0)) {
    throw new RangeError('the window must hold at least one sample of a positive frequency');
  }
  const noise = gaussian(seededRandom(seed));
  const scale = 10 ** decimals;
  const omega = 2 * Math.PI * frequencyHz;
  const sample = (peak: number, shift: number, n: number): number => {
    const clean = peak * Math.sin((omega * n) / sampleRateHz - shift);
    const noisy = noiseFraction === 0 ? clean : clean + noiseFraction * peak * noise();
    return Math.round(noisy * scale) / scale;
  };
  const indices = Array.from({ length: count }, (_, n) => n);
  return {
    payload: {
      sampleRateHz,
      voltageV: indices.map((n) => sample(Math.SQRT2 * vrms, 0, n)),
      currentA: indices.map((n) => sample(Math.SQRT2 * irms, phaseRad, n)),
    },
    truthWh: activeEnergyWh(vrms * irms, phaseRad, omega, count / sampleRateHz),
  };
}

function withDefaults(options: Readonly<EnergyWindowOptions>): Required<EnergyWindowOptions> {
  return {
    vrms: options.vrms ?? 230,
    irms: options.irms ?? 5,
    phaseRad: options.phaseRad ?? 0,
    frequencyHz: options.frequencyHz ?? 50,
    sampleRateHz: options.sampleRateHz ?? 1000,
    cycles: options.cycles ?? 10,
    noiseFraction: options.noiseFraction ?? DEFAULT_ENERGY_NOISE_FRACTION,
    seed: options.seed ?? 1,
    decimals: options.decimals ?? 3,
  };
}

/** ∫₀ᵀ v·i dt of the continuous signals, in Wh. */
function activeEnergyWh(apparentVA: number, phaseRad: number, omega: number, durationS: number): number {
  const oscillation = (Math.sin(2 * omega * durationS - phaseRad) + Math.sin(phaseRad)) / (2 * omega);
  return (apparentVA * (durationS * Math.cos(phaseRad) - oscillation)) / 3600;
}
