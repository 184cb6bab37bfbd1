import type {
  MeasurementResult,
  MeasurementStatsResponse,
  MeasurementsRecordedV1,
} from '@metrochain/contracts';

/** What the fleet itself counted, shown under the service's numbers when the view runs beside a fleet. */
export interface FleetStatus {
  meters: number;
  /** Readings the measurement service acknowledged (202). */
  sent: number;
  /** Signed and waiting to be sent or acknowledged. */
  pending: number;
  retries: number;
}

export const LATEST_SHOWN = 5;
const COUNTS = ['accepted', 'verified', 'recorded', 'rejected'] as const;
const COLUMN = 10;

/** The block a terminal redraws in place every poll. */
export function renderStatsBlock(stats: MeasurementStatsResponse, at: Date, fleet?: FleetStatus): string[] {
  const header = COUNTS.map((name) => name.padStart(COLUMN)).join('');
  const perSecond = COUNTS.map((name) => stats.perSecond[name].toFixed(1).padStart(COLUMN)).join('');
  const totals = COUNTS.map((name) => String(stats.totals[name]).padStart(COLUMN)).join('');
  const latest = stats.latest.slice(0, LATEST_SHOWN);
  return [
    `metrochain measurement  ${clock(at)}  (per second over the last ${stats.windowS} s)`,
    `${''.padEnd(12)}${header}`,
    `${'  per second'.padEnd(12)}${perSecond}`,
    `${'  total'.padEnd(12)}${totals}`,
    ...(fleet === undefined ? [] : [`  ${fleetLine(fleet)}`]),
    latest.length === 0 ? '  latest measurements: none yet' : '  latest measurements',
    ...latest.map((measurement) => `    ${measurementLine(measurement)}`),
  ];
}

/** One plain line per poll for logs and CI (no cursor movement). */
export function renderStatsLine(stats: MeasurementStatsResponse, at: Date, fleet?: FleetStatus): string {
  const rates = COUNTS.map((name) => `${name} ${stats.perSecond[name].toFixed(1)}`).join(' ');
  const totals = COUNTS.map((name) => `${name} ${stats.totals[name]}`).join(' ');
  const fleetPart = fleet === undefined ? '' : ` | ${fleetLine(fleet)}`;
  return `${clock(at)} per s: ${rates} | total: ${totals}${fleetPart}`;
}

export function fleetLine(fleet: FleetStatus): string {
  return `fleet: ${fleet.meters} meters, ${fleet.sent} sent, ${fleet.pending} pending, ${fleet.retries} retries`;
}

/** `meter #seq value tx <8 hex> block n`. */
export function measurementLine(measurement: MeasurementsRecordedV1): string {
  return [
    measurement.meterId.padEnd(26),
    `#${measurement.seq}`.padEnd(8),
    resultText(measurement.result).padEnd(14),
    `tx ${measurement.txId.slice(0, 8)}`,
    `block ${measurement.blockNumber}`,
  ].join(' ');
}

function resultText(result: MeasurementResult): string {
  switch (result.kind) {
    case 'speed':
      return `${result.speedKmh.toFixed(1)} km/h`;
    case 'energy':
      return `${result.energyWh.toFixed(3)} Wh`;
    case 'energy-fe':
      // Only the customer can read the value: the slot it closes, `enc MM-DD hh:mm` (its start, UTC).
      return `enc ${result.day.slice(5)} ${slotStart(result.slot)}`;
  }
}

function slotStart(slot: number): string {
  const minutes = slot * 15;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Local wall-clock time, HH:MM:SS. */
export function clock(at: Date): string {
  return at.toTimeString().slice(0, 8);
}
