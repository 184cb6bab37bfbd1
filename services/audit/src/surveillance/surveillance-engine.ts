import { createHash } from 'node:crypto';
import {
  type MeasurementsRecordedV1,
  type ReadingsReceivedV1,
  type ReadingsRejectedV1,
  type SurveillanceMeter,
  type SurveillanceRates,
  canonicalJson,
} from '@metrochain/contracts';
import {
  type Alarm,
  ClockMonitor,
  RateMonitor,
  RateSeries,
  SequenceMonitor,
  SpeedDriftDetector,
  StuckMonitor,
} from '@metrochain/surveillance';
import { type SurveillanceConfig, roadOf } from '../config/surveillance.config';

interface MeterState {
  sequence: SequenceMonitor;
  stuck: StuckMonitor;
  clock: ClockMonitor;
  rates: RateMonitor;
  received: number;
  lastReceivedAt: string | undefined;
}

const EWMA_LAMBDA = 0.1;

/**
 * Per-meter detector state, in memory, fed by the three consumers; returns the alarms each event raises. Pure apart
 * from the clock passed in, so it is tested without Kafka.
 */
export class SurveillanceEngine {
  readonly #config: SurveillanceConfig;
  readonly #meters = new Map<string, MeterState>();
  readonly #fleet = new RateMonitor(undefined);
  readonly #rejections: RateSeries;
  readonly #signatures: RateSeries;
  readonly #drift: SpeedDriftDetector;

  constructor(config: SurveillanceConfig) {
    this.#config = config;
    const series = { bucketMs: config.rateBucketMs, lambda: EWMA_LAMBDA };
    this.#rejections = new RateSeries(series);
    this.#signatures = new RateSeries(series);
    this.#drift = new SpeedDriftDetector({
      windowMs: config.driftWindowMs,
      latenessMs: config.driftLatenessMs,
      minVehicles: config.driftMinVehicles,
    });
  }

  received(event: Readonly<ReadingsReceivedV1>): Alarm[] {
    const { reading } = event;
    const meter = this.#meter(reading.meterId);
    const measuredMs = Date.parse(reading.measuredAt);
    const receivedMs = Date.parse(event.receivedAt);
    meter.received += 1;
    meter.lastReceivedAt = event.receivedAt;
    // The payload holds neither seq nor measuredAt: equal digests on two seqs are one raw capture sent twice.
    const payloadDigest = createHash('sha256').update(canonicalJson(reading.payload), 'utf8').digest('hex');
    return [
      meter.sequence.add(reading.seq, measuredMs, receivedMs),
      reading.kind === 'energy-fe' ? undefined : meter.stuck.addPayload(reading.seq, payloadDigest),
      ...meter.clock.add(reading.seq, measuredMs, receivedMs),
    ].filter((alarm) => alarm !== undefined);
  }

  recorded(event: Readonly<MeasurementsRecordedV1>, nowMs: number): Alarm[] {
    const meter = this.#meter(event.meterId);
    const alarms = this.#outcome(meter, event.seq, undefined, nowMs);
    if (event.result.kind === 'speed') {
      const stuck = meter.stuck.addResult(event.seq, event.result.speedKmh);
      if (stuck !== undefined) {
        alarms.push(stuck);
      }
      const road = roadOf(this.#config.roads, event.meterId);
      if (road !== undefined) {
        this.#drift.add(event.meterId, road, Date.parse(event.measuredAt), event.result.speedKmh);
      }
    }
    return alarms;
  }

  rejected(event: Readonly<ReadingsRejectedV1>, nowMs: number): Alarm[] {
    return this.#outcome(this.#meter(event.reading.meterId), event.reading.seq, event.reason, nowMs);
  }

  /** Periodic: gaps past their grace, speed windows past their lateness. */
  check(nowMs: number): Alarm[] {
    return [
      ...[...this.#meters.values()].flatMap((meter) => meter.sequence.overdueGaps(nowMs)),
      ...this.#drift.judge(),
    ];
  }

  rates(): SurveillanceRates {
    return {
      bucketSeconds: this.#config.rateBucketMs / 1000,
      lambda: EWMA_LAMBDA,
      rejections: this.#rejections.points(),
      signatureFailures: this.#signatures.points(),
      cusum: {
        rejection: this.#fleet.rejectionStatistic,
        signature: this.#fleet.signatureStatistic,
        h: 10,
      },
    };
  }

  meters(): SurveillanceMeter[] {
    const drift = new Map(this.#drift.states().map((state) => [state.meterId, state]));
    return [...this.#meters]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([meterId, meter]) => {
        const clock = meter.clock.estimate();
        const speed = drift.get(meterId);
        const road = roadOf(this.#config.roads, meterId);
        const { highestSeq, ratePerS } = meter.sequence;
        return {
          meterId,
          ...(road === undefined ? {} : { road }),
          received: meter.received,
          ...(highestSeq === undefined ? {} : { highestSeq }),
          missing: meter.sequence.missing,
          ...(ratePerS === undefined ? {} : { ratePerS }),
          outcomes: {
            readings: meter.rates.readings,
            rejections: meter.rates.rejections,
            signatureFailures: meter.rates.signatureFailures,
            rejectionCusum: meter.rates.rejectionStatistic,
            signatureCusum: meter.rates.signatureStatistic,
          },
          ...(clock === undefined ? {} : { clock }),
          ...(speed === undefined
            ? {}
            : {
                speedDrift: {
                  ...(speed.logRatio === undefined ? {} : { logRatio: speed.logRatio }),
                  ...(speed.standardError === undefined ? {} : { standardError: speed.standardError }),
                  cusumUp: speed.cusumUp,
                  cusumDown: speed.cusumDown,
                  windows: speed.windows,
                },
              }),
          ...(meter.lastReceivedAt === undefined ? {} : { lastReceivedAt: meter.lastReceivedAt }),
        };
      });
  }

  #outcome(meter: MeterState, seq: number, rejection: string | undefined, nowMs: number): Alarm[] {
    const failure = rejection !== undefined;
    this.#rejections.add(nowMs, failure);
    this.#signatures.add(nowMs, rejection === 'SIGNATURE_INVALID' || rejection === 'SIGNATURE_MALFORMED');
    return [...meter.rates.add({ seq, rejection }), ...this.#fleet.add({ seq, rejection })];
  }

  #meter(meterId: string): MeterState {
    const known = this.#meters.get(meterId);
    if (known !== undefined) {
      return known;
    }
    const config = this.#config;
    const meter: MeterState = {
      sequence: new SequenceMonitor(meterId, {
        graceMs: config.gapGraceMs,
        burstWindowMs: config.burstWindowMs,
      }),
      stuck: new StuckMonitor(meterId),
      clock: new ClockMonitor(meterId, {
        windowMs: config.clockWindowMs,
        minPoints: config.clockMinPoints,
        maxOffsetMs: config.clockMaxOffsetMs,
      }),
      rates: new RateMonitor(meterId),
      received: 0,
      lastReceivedAt: undefined,
    };
    this.#meters.set(meterId, meter);
    return meter;
  }
}
