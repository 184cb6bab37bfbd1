import type { Alarm } from './alarm';
import { median, robustSigma } from './stats';

export interface SpeedDriftSettings {
  /** Window length on measuredAt (ms). Default 60 000. */
  windowMs: number;
  /** A window is judged this long after its end (late readings), in ms of the newest measuredAt. Default 10 000. */
  latenessMs: number;
  /** Vehicles a meter needs in a window to be compared. Default 20. */
  minVehicles: number;
  /** Other meters of the road, each with minVehicles, needed for a comparison. Default 3. */
  minPeers: number;
  /** CUSUM reference value, in standard errors of r. Default 0.5. */
  k: number;
  /** CUSUM decision limit, in standard errors of r. Default 8. */
  h: number;
}

export const DEFAULT_SPEED_DRIFT_SETTINGS: SpeedDriftSettings = {
  windowMs: 60_000,
  latenessMs: 10_000,
  minVehicles: 20,
  minPeers: 3,
  k: 0.5,
  h: 8,
};

/** A meter's comparison with its road in the last judged window. */
export interface DriftState {
  meterId: string;
  road: string;
  /** ln(median of the meter / median of the others), last window. */
  logRatio: number | undefined;
  /** Its standard error. */
  standardError: number | undefined;
  cusumUp: number;
  cusumDown: number;
  windows: number;
}

interface MeterCusum {
  up: number;
  down: number;
  windows: number;
  /** First window of the current excursion (for the evidence). */
  since: number | undefined;
  last: { logRatio: number; standardError: number } | undefined;
}

/**
 * A speed meter drifting against the others on its road. A loop-distance error scales every speed the meter measures,
 * so per window r = ln(median_m / median of the other meters' medians) is its log scale error plus noise. r is
 * standardised by its asymptotic standard error (var ln median ≈ π/2·σ²_ln/n, σ from the MAD; the median of the
 * peers' medians ≈ (π/2)²·σ²/N) and fed to a two-sided CUSUM.
 */
export class SpeedDriftDetector {
  readonly #settings: SpeedDriftSettings;
  /** road → window index → meter → ln speeds. */
  readonly #windows = new Map<string, Map<number, Map<string, number[]>>>();
  readonly #cusums = new Map<string, MeterCusum>();
  readonly #roadOf = new Map<string, string>();
  #newestMs = 0;

  constructor(settings: Partial<SpeedDriftSettings> = {}) {
    this.#settings = { ...DEFAULT_SPEED_DRIFT_SETTINGS, ...settings };
  }

  add(meterId: string, road: string, measuredAtMs: number, speedKmh: number): void {
    if (!(speedKmh > 0)) {
      return;
    }
    this.#roadOf.set(meterId, road);
    this.#newestMs = Math.max(this.#newestMs, measuredAtMs);
    const index = Math.floor(measuredAtMs / this.#settings.windowMs);
    const road_ = this.#windows.get(road) ?? new Map<number, Map<string, number[]>>();
    this.#windows.set(road, road_);
    const window = road_.get(index) ?? new Map<string, number[]>();
    road_.set(index, window);
    const speeds = window.get(meterId) ?? [];
    window.set(meterId, speeds);
    speeds.push(Math.log(speedKmh));
  }

  /** Judges every window that ended latenessMs before the newest reading; alarms of meters crossing h. */
  judge(): Alarm[] {
    const { windowMs, latenessMs } = this.#settings;
    const alarms: Alarm[] = [];
    for (const [road, windows] of this.#windows) {
      for (const index of [...windows.keys()].sort((a, b) => a - b)) {
        if ((index + 1) * windowMs + latenessMs > this.#newestMs) {
          continue;
        }
        alarms.push(...this.#judgeWindow(road, index, windows.get(index) ?? new Map<string, number[]>()));
        windows.delete(index);
      }
    }
    return alarms;
  }

  states(): DriftState[] {
    return [...this.#cusums].map(([meterId, cusum]) => ({
      meterId,
      road: this.#roadOf.get(meterId) ?? '',
      logRatio: cusum.last?.logRatio,
      standardError: cusum.last?.standardError,
      cusumUp: cusum.up,
      cusumDown: cusum.down,
      windows: cusum.windows,
    }));
  }

  #judgeWindow(road: string, index: number, window: Map<string, number[]>): Alarm[] {
    const { minVehicles, minPeers } = this.#settings;
    const eligible = [...window].filter(([, speeds]) => speeds.length >= minVehicles);
    if (eligible.length < minPeers + 1) {
      return [];
    }
    const alarms: Alarm[] = [];
    for (const [meterId, own] of eligible) {
      const peers = eligible.filter(([other]) => other !== meterId).map(([, speeds]) => speeds);
      const pooled = peers.flat();
      // The road's level is the median of the peers' medians, so that one drifting peer barely moves it.
      const logRatio = median(own) - median(peers.map((speeds) => median(speeds)));
      const halfPi = Math.PI / 2;
      const variance =
        (halfPi * robustSigma(own) ** 2) / own.length +
        (halfPi ** 2 * robustSigma(pooled) ** 2) / pooled.length;
      const standardError = Math.sqrt(Math.max(variance, 1e-12));
      const alarm = this.#step(meterId, road, index, logRatio, standardError, own.length);
      if (alarm !== undefined) {
        alarms.push(alarm);
      }
    }
    return alarms;
  }

  #step(
    meterId: string,
    road: string,
    index: number,
    logRatio: number,
    standardError: number,
    vehicles: number,
  ): Alarm | undefined {
    const { k, h, windowMs } = this.#settings;
    const cusum = this.#cusums.get(meterId) ?? {
      up: 0,
      down: 0,
      windows: 0,
      since: undefined,
      last: undefined,
    };
    this.#cusums.set(meterId, cusum);
    const z = logRatio / standardError;
    cusum.up = Math.max(0, cusum.up + z - k);
    cusum.down = Math.max(0, cusum.down - z - k);
    cusum.windows += 1;
    cusum.last = { logRatio, standardError };
    if (cusum.up === 0 && cusum.down === 0) {
      cusum.since = undefined;
    } else {
      cusum.since ??= index;
    }
    const statistic = Math.max(cusum.up, cusum.down);
    if (statistic < h) {
      return undefined;
    }
    const direction = cusum.up >= h ? 'high' : 'low';
    const since = new Date((cusum.since ?? index) * windowMs).toISOString();
    cusum.up = 0;
    cusum.down = 0;
    cusum.since = undefined;
    const percent = (Math.exp(logRatio) - 1) * 100;
    return {
      meterId,
      category: 'speed-drift',
      severity: 'warning',
      summary: `${meterId} reads ${direction} against road ${road}: ${percent.toFixed(1)} % in the last window (CUSUM ${statistic.toFixed(1)} ≥ ${String(h)})`,
      dedupeKey: `drift:${direction}`,
      evidence: {
        road,
        direction,
        windowStart: new Date(index * windowMs).toISOString(),
        windowMs,
        excursionSince: since,
        vehicles,
        logRatio,
        standardError,
        percent,
        statistic,
        k,
        h,
      },
    };
  }
}
