import { firstIssue } from '../payload-issues';
import { type LrOutcome, type SpeedResult, refuse } from '../lr-result';
import { activationTime } from './activation-time';
import { speedPayloadSchema } from './speed-payload';

/** Outside this range no road vehicle is being measured: a fault or tampering. */
export const MIN_SPEED_KMH = 1;
export const MAX_SPEED_KMH = 400;
const KMH_PER_MS = 3.6;

/** Vehicle speed from two inductive loops `loopDistanceM` apart: v = d / Δt, in km/h. */
export function computeSpeed(payload: unknown): LrOutcome<SpeedResult> {
  const parsed = speedPayloadSchema.safeParse(payload);
  if (!parsed.success) {
    return refuse('PAYLOAD_INVALID', firstIssue(parsed.error));
  }
  const { loopA, loopB, sampleRateHz, loopDistanceM, plateImageSha256 } = parsed.data;
  if (loopA.length !== loopB.length) {
    return refuse('LOOP_LENGTH_MISMATCH', `loop A has ${loopA.length} samples, loop B ${loopB.length}`);
  }
  const a = activationTime(loopA);
  const b = activationTime(loopB);
  if (a === undefined || b === undefined) {
    return refuse(
      'LOOP_NOT_ACTIVATED',
      `loop ${a === undefined ? 'A' : 'B'} shows no vehicle entering it after its idle samples`,
    );
  }
  if (b <= a) {
    return refuse('LOOP_ORDER_REVERSED', 'loop B was not activated after loop A');
  }
  const deltaTS = (b - a) / sampleRateHz;
  const speedKmh = (loopDistanceM / deltaTS) * KMH_PER_MS;
  if (speedKmh < MIN_SPEED_KMH || speedKmh > MAX_SPEED_KMH) {
    return refuse(
      'SPEED_OUT_OF_RANGE',
      `${speedKmh.toFixed(1)} km/h is outside ${MIN_SPEED_KMH}–${MAX_SPEED_KMH} km/h`,
    );
  }
  return {
    ok: true,
    result: {
      kind: 'speed',
      speedKmh,
      activationAS: a / sampleRateHz,
      activationBS: b / sampleRateHz,
      deltaTS,
      ...(plateImageSha256 === undefined ? {} : { plateImageSha256 }),
    },
  };
}
