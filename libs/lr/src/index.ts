export { computeMeasurement, LR_KINDS, type LrKind } from './compute-measurement';
export { computeSpeed, MAX_SPEED_KMH, MIN_SPEED_KMH } from './speed/compute-speed';
export { type SpeedPayload, speedPayloadSchema } from './speed/speed-payload';
export { computeEnergy } from './energy/compute-energy';
export { type EnergyPayload, energyPayloadSchema } from './energy/energy-payload';
export { type CiphertextCheck, computeEnergyFe } from './energy-fe/compute-energy-fe';
export { type EnergyFePayload, FE_SLOTS_PER_DAY, energyFePayloadSchema } from './energy-fe/energy-fe-payload';
export {
  type EnergyFeResult,
  type EnergyResult,
  LR_REJECTION_CODES,
  type LrOutcome,
  type LrRejectionCode,
  type MeasurementResult,
  type SpeedResult,
} from './lr-result';
export { computeCodeFingerprint, listFingerprintedFiles } from './fingerprint/code-fingerprint';
