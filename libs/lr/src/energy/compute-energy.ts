import { firstIssue } from '../payload-issues';
import { type EnergyResult, type LrOutcome, refuse } from '../lr-result';
import { MAX_ABS_CURRENT_A, MAX_ABS_VOLTAGE_V, energyPayloadSchema } from './energy-payload';

const SECONDS_PER_HOUR = 3600;

/**
 * Active energy of the window: Σ v[n]·i[n]·Δt (rectangle rule, Δt = 1 / sampleRateHz), in Wh. Over whole mains
 * cycles the rectangle rule is exact for sinusoids below half the sample rate. Signed: export is negative.
 */
export function computeEnergy(payload: unknown): LrOutcome<EnergyResult> {
  const parsed = energyPayloadSchema.safeParse(payload);
  if (!parsed.success) {
    return refuse('PAYLOAD_INVALID', firstIssue(parsed.error));
  }
  const { voltageV, currentA, sampleRateHz } = parsed.data;
  if (voltageV.length !== currentA.length) {
    return refuse(
      'SAMPLE_COUNT_MISMATCH',
      `${voltageV.length} voltage and ${currentA.length} current samples`,
    );
  }
  const voltage = voltageV.findIndex((value) => Math.abs(value) > MAX_ABS_VOLTAGE_V);
  const current = currentA.findIndex((value) => Math.abs(value) > MAX_ABS_CURRENT_A);
  if (voltage >= 0 || current >= 0) {
    const detail =
      voltage >= 0
        ? `voltage sample ${voltage} beyond ±${MAX_ABS_VOLTAGE_V} V`
        : `current sample ${current} beyond ±${MAX_ABS_CURRENT_A} A`;
    return refuse('SAMPLE_OUT_OF_RANGE', detail);
  }
  let wattSamples = 0;
  for (let n = 0; n < voltageV.length; n += 1) {
    wattSamples += (voltageV[n] ?? 0) * (currentA[n] ?? 0);
  }
  const durationS = voltageV.length / sampleRateHz;
  return {
    ok: true,
    result: {
      kind: 'energy',
      energyWh: wattSamples / sampleRateHz / SECONDS_PER_HOUR,
      samples: voltageV.length,
      durationS,
    },
  };
}
