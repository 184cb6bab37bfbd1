import type { Reading } from '@metrochain/contracts';
import type { MeterKey } from '../keys/meter-key';
import type { NumberRange } from '@metrochain/tool-kit';
import type { FeSlot } from '../fe/fe-slots';
import { buildEnergyFeReading, type FeEncrypt } from '../readings/energy-fe-reading';
import { buildEnergyReading } from '../readings/energy-reading';
import { signReading } from '../readings/sign-reading';
import { readingIdOf } from '../readings/signed-bytes';
import { buildSpeedReading, type BuiltReading } from '../readings/speed-reading';
import type { MeterKind, SentReading } from '../state/meter-record';
import { type FleetFaults, faultOf, namesMeter } from './fleet-faults';

/** What a reading needs of its meter. */
export interface ReadingMeter {
  meterId: string;
  kind: MeterKind;
  key: MeterKey;
  /** energy-fe: the meter's FE seed. */
  feSeed?: Uint8Array | undefined;
}

/** Measures and signs one reading of `meter` with this seq and time; an energy-fe reading closes slot `at`. */
export type ReadingFactory = (meter: ReadingMeter, seq: number, measuredAt: Date, at?: FeSlot) => SentReading;

export interface ReadingFactoryOptions {
  noise: boolean;
  speedKmh: NumberRange;
  /** Readings per second per meter: an energy window covers the time between two readings, up to 1 s. */
  rate: number;
  random: () => number;
  /** energy-fe ciphertexts; default libs/fe's encryptReading (tests pass a stand-in). */
  encrypt?: FeEncrypt;
  /** Injected faults (surveillance tests); none by default. */
  faults?: FleetFaults;
}

const MAINS_HZ = 50;

/** The fleet's meters in the field: true values drawn from `random`, signals from libs/sensor-signals. */
export function newReadingFactory(options: ReadingFactoryOptions): ReadingFactory {
  const { random, speedKmh } = options;
  const between = (low: number, high: number): number => low + (high - low) * random();
  const cycles = Math.min(MAINS_HZ, Math.max(1, Math.round(MAINS_HZ / options.rate)));
  const build = (meter: ReadingMeter, seq: number, measuredAt: Date, at?: FeSlot): BuiltReading => {
    if (meter.kind === 'energy-fe') {
      return buildFe(meter, seq, measuredAt, at, options.encrypt);
    }
    const common = { meterId: meter.meterId, seq, measuredAt, noise: options.noise };
    const seed = Math.floor(random() * 0x1_0000_0000);
    if (meter.kind === 'speed') {
      const bias = faultOf(options.faults?.speedBias, meter.meterId)?.factor ?? 1;
      const trueSpeedKmh = Math.round(between(speedKmh.min, speedKmh.max) * bias * 1000) / 1000;
      return buildSpeedReading({ ...common, seed, trueSpeedKmh, vehicleLengthM: between(3.8, 5.2) });
    }
    return buildEnergyReading({
      ...common,
      seed,
      vrms: between(225, 235),
      irms: between(0.5, 16),
      phaseRad: between(0, 0.5),
      cycles,
    });
  };
  const faults = options.faults;
  const clock = driftingClock(faults);
  const captured = new Map<string, BuiltReading>();
  return (meter, seq, trueTime, at) => {
    const { meterId } = meter;
    const fresh = build(meter, seq, clock(meterId, trueTime), at);
    const stuck =
      (faults?.stuck ?? []).some((name) => namesMeter(name, meterId)) && meter.kind !== 'energy-fe';
    const replayed = stuck ? (captured.get(meterId) ?? fresh) : fresh;
    captured.set(meterId, replayed);
    const reading = { ...fresh.reading, payload: replayed.reading.payload };
    const truth = replayed === fresh ? fresh.truth : { ...replayed.truth, seq };
    const signed = signReading(reading, meter.key.privateKey);
    const badFraction = faultOf(faults?.badSignatures, meterId)?.fraction ?? 0;
    const sent = badFraction > 0 && random() < badFraction ? forged(signed, meter.key) : signed;
    return { readingId: readingIdOf(sent), reading: sent, truth };
  };
}

/** The meter's clock: true time, or true time running off by the fault's ppm since the meter's first reading. */
function driftingClock(faults: FleetFaults | undefined): (meterId: string, trueTime: Date) => Date {
  const firstMs = new Map<string, number>();
  return (meterId, trueTime) => {
    const drift = faultOf(faults?.clockDrift, meterId);
    if (drift === undefined) {
      return trueTime;
    }
    const first = firstMs.get(meterId) ?? trueTime.getTime();
    firstMs.set(meterId, first);
    return new Date(trueTime.getTime() + (trueTime.getTime() - first) * drift.ppm * 1e-6);
  };
}

/** A well-formed signature over other bytes: SIGNATURE_INVALID, not MALFORMED. */
function forged(signed: Reading, key: MeterKey): Reading {
  const unsigned: Omit<Reading, 'signature'> & { signature?: string } = { ...signed };
  delete unsigned.signature;
  const other = signReading({ ...unsigned, seq: signed.seq + 1_000_000 }, key.privateKey);
  return { ...signed, signature: other.signature };
}

function buildFe(
  meter: ReadingMeter,
  seq: number,
  measuredAt: Date,
  at: FeSlot | undefined,
  encrypt: FeEncrypt | undefined,
): BuiltReading {
  if (at === undefined || meter.feSeed === undefined) {
    throw new Error(`${meter.meterId}: an energy-fe reading needs the meter's seed and its slot`);
  }
  const { meterId } = meter;
  const input = { meterId, seq, measuredAt, at, seed: meter.feSeed };
  return buildEnergyFeReading(encrypt === undefined ? input : { ...input, encrypt });
}
