import { MAX_INGEST_BATCH } from '@metrochain/contracts';
import {
  integerOption,
  positiveNumberOption,
  rangeOption,
  urlOption,
  type NumberRange,
} from '@metrochain/tool-kit';
import { parseOptions } from '@metrochain/tool-kit';
import type { FleetFaults } from '../fleet/fleet-faults';
import { FAULT_OPTIONS, FAULT_USAGE, parseFaultOptions } from './fault-options';

/** The command line of `metrochain-fleet run`, validated. */
export interface RunOptions {
  speedMeters: number;
  energyMeters: number;
  /** Functionally encrypted energy meters (one encrypted 15-minute slot per reading). */
  feMeters: number;
  /** Readings per second per meter. */
  rate: number;
  /** Undefined: until SIGINT/SIGTERM. */
  durationS: number | undefined;
  /** Readings per POST. */
  batch: number;
  noise: boolean;
  /** The simulated true speeds, drawn uniformly from this range. */
  speedKmh: NumberRange;
  measurementUrl: string | undefined;
  networkFile: string | undefined;
  /** Undefined: DEFAULT_STATE_DIR under the repository root. */
  stateDir: string | undefined;
  json: boolean;
  watch: boolean;
  /** Injected faults (--drop-seqs, --stuck, --speed-bias, --bad-signatures, --clock-drift). */
  faults: FleetFaults | undefined;
}

export const DEFAULT_STATE_DIR = '.devnet/fleet';
export const MAX_METERS_PER_KIND = 10_000;
export const MAX_RATE = 1000;
const MAX_DURATION_S = 365 * 24 * 3600;
// What the loop signals resolve and the LR software accepts (1-400 km/h), with room for noise.
const MIN_SPEED_KMH = 5;
const MAX_SPEED_KMH = 350;

export const RUN_OPTIONS = {
  'speed-meters': { type: 'string' },
  'energy-meters': { type: 'string' },
  'fe-meters': { type: 'string' },
  rate: { type: 'string' },
  'duration-s': { type: 'string' },
  batch: { type: 'string' },
  noise: { type: 'boolean' },
  'speed-kmh': { type: 'string' },
  'measurement-url': { type: 'string' },
  'network-file': { type: 'string' },
  'state-dir': { type: 'string' },
  json: { type: 'boolean' },
  watch: { type: 'boolean' },
  ...FAULT_OPTIONS,
} as const;

export const RUN_USAGE = `metrochain-fleet run [options]

Registers simulated meters with both NMIs (PTB and Inmetro, challenge and signed answer) and posts signed readings
to the measurement service until --duration-s has passed or SIGINT/SIGTERM.

  --speed-meters <n>       speed meters (two inductive loops and a plate camera), default 4
  --energy-meters <n>      energy meters (voltage and current windows), default 4
  --fe-meters <n>          functionally encrypted energy meters, default 0: one encrypted 15-minute slot per
                           reading from the first day of the previous month (a backlog at --rate, then one
                           per slot); their seeds go to <state dir>/customer-seeds.json for the customers
  --rate <r>               readings per second per meter, default 2
  --duration-s <s>         stop after this many seconds (default: until Ctrl-C)
  --batch <k>              readings per POST /readings/batch, default 10 (1-${MAX_INGEST_BATCH})
  --noise / --no-noise     sensor noise on the synthetic signals, default on
  --speed-kmh <low-high>   range of the simulated true speeds, default 30-180
  --measurement-url <url>  measurement service (default: the network file's, http://127.0.0.1:3003)
  --network-file <path>    connection file (default: $METROCHAIN_NETWORK_FILE, .devnet/network.json)
  --state-dir <dir>        meter keys and seq counters, kept across runs (default <repo>/${DEFAULT_STATE_DIR})
  --json                   one JSON object per line instead of text
  --watch                  show the measurement service's live statistics while running
${FAULT_USAGE}`;

/** Parses and validates; every problem is a USAGE error. */
export function parseRunOptions(argv: readonly string[]): RunOptions {
  const values = parseOptions(argv, RUN_OPTIONS);
  return {
    speedMeters: integerOption(values['speed-meters'], 'speed-meters', {
      min: 0,
      max: MAX_METERS_PER_KIND,
      fallback: 4,
    }),
    energyMeters: integerOption(values['energy-meters'], 'energy-meters', {
      min: 0,
      max: MAX_METERS_PER_KIND,
      fallback: 4,
    }),
    feMeters: integerOption(values['fe-meters'], 'fe-meters', {
      min: 0,
      max: MAX_METERS_PER_KIND,
      fallback: 0,
    }),
    rate: positiveNumberOption(values.rate, 'rate', MAX_RATE) ?? 2,
    durationS: positiveNumberOption(values['duration-s'], 'duration-s', MAX_DURATION_S),
    batch: integerOption(values.batch, 'batch', { min: 1, max: MAX_INGEST_BATCH, fallback: 10 }),
    noise: values.noise ?? true,
    speedKmh: rangeOption(values['speed-kmh'], 'speed-kmh', {
      min: MIN_SPEED_KMH,
      max: MAX_SPEED_KMH,
      fallback: { min: 30, max: 180 },
    }),
    measurementUrl: urlOption(values['measurement-url'], 'measurement-url'),
    networkFile: nonEmpty(values['network-file']),
    stateDir: nonEmpty(values['state-dir']),
    json: values.json ?? false,
    watch: values.watch ?? false,
    faults: parseFaultOptions(values),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}
