import { synthesizeLoopSignals } from '@metrochain/sensor-signals';
import { plateImage, sha256Hex } from './plate-image';
import type { ReadingTruth } from './reading-truth';
import type { UnsignedReading } from './signed-bytes';

export interface SpeedReadingInput {
  meterId: string;
  seq: number;
  measuredAt: Date;
  trueSpeedKmh: number;
  /** Sensor noise on the loop signals (libs/sensor-signals' default), or clean signals. */
  noise: boolean;
  /** Seeds the noise and the plate picture, so one input gives one reading. */
  seed: number;
  vehicleLengthM?: number;
}

export interface BuiltReading {
  reading: UnsignedReading;
  truth: ReadingTruth;
}

/**
 * A two-loop speed trap's reading of a vehicle passing at `trueSpeedKmh`: both loops' sampled responses and the
 * SHA-256 of the plate picture, which the meter signs with them. Pure: the same input gives the same reading.
 */
export function buildSpeedReading(input: SpeedReadingInput): BuiltReading & { plateImage: Buffer } {
  const image = plateImage(input.seed);
  const plateImageSha256 = sha256Hex(image);
  const payload = synthesizeLoopSignals({
    speedKmh: input.trueSpeedKmh,
    seed: input.seed,
    plateImageSha256,
    ...(input.noise ? {} : { noiseFraction: 0 }),
    ...(input.vehicleLengthM === undefined ? {} : { vehicleLengthM: input.vehicleLengthM }),
  });
  const { meterId, seq } = input;
  return {
    reading: {
      meterId,
      seq,
      measuredAt: input.measuredAt.toISOString(),
      kind: 'speed',
      payload: { ...payload },
    },
    truth: { kind: 'speed', meterId, seq, trueSpeedKmh: input.trueSpeedKmh, plateImageSha256 },
    plateImage: image,
  };
}
