/** Why the LR software refuses sensor data; each is a physically impossible or unusable input. */
export const LR_REJECTION_CODES = [
  'KIND_UNSUPPORTED',
  'PAYLOAD_INVALID',
  'LOOP_LENGTH_MISMATCH',
  'LOOP_NOT_ACTIVATED',
  'LOOP_ORDER_REVERSED',
  'SPEED_OUT_OF_RANGE',
  'SAMPLE_COUNT_MISMATCH',
  'SAMPLE_OUT_OF_RANGE',
] as const;
export type LrRejectionCode = (typeof LR_REJECTION_CODES)[number];

export interface SpeedResult {
  kind: 'speed';
  speedKmh: number;
  /** Activation of each loop, seconds from the first sample, and their difference. */
  activationAS: number;
  activationBS: number;
  deltaTS: number;
  plateImageSha256?: string;
}

export interface EnergyResult {
  kind: 'energy';
  energyWh: number;
  samples: number;
  durationS: number;
}

/** An energy-fe slot: the ciphertext of its Wh under the label of `day` (UTC) and the key of `slot` (0..95). */
export interface EnergyFeResult {
  kind: 'energy-fe';
  day: string;
  slot: number;
  ciphertext: string;
}

export type MeasurementResult = SpeedResult | EnergyResult | EnergyFeResult;

/** What the LR software returns instead of throwing: a result, or a coded refusal with a one-line reason. */
export type LrOutcome<R> = { ok: true; result: R } | { ok: false; code: LrRejectionCode; detail: string };

export function refuse(
  code: LrRejectionCode,
  detail: string,
): { ok: false; code: LrRejectionCode; detail: string } {
  return { ok: false, code, detail };
}
