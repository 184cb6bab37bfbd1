export { gaussian, seededRandom } from './prng';
export {
  DEFAULT_LOOP_NOISE_FRACTION,
  DEFAULT_SAMPLES_BETWEEN_LOOPS,
  type LoopSignalOptions,
  MAX_SYNTHETIC_LOOP_SAMPLES,
  type SpeedPayload,
  synthesizeLoopSignals,
} from './loop-signals';
export {
  DEFAULT_ENERGY_NOISE_FRACTION,
  type EnergyPayload,
  type EnergyWindowOptions,
  synthesizeEnergyWindow,
} from './energy-window';
