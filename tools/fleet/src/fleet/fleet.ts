import type { FleetFaults } from './fleet-faults';
import type { MeasurementApi } from '../http/measurement-client';
import type { NumberRange } from '@metrochain/tool-kit';
import type { FeEncrypt } from '../readings/energy-fe-reading';
import type { ReadingTruth } from '../readings/reading-truth';
import type { RegistrationSummary } from '../registration/register-fleet';
import type { RegistrationApi } from '../registration/registration-client';
import type { MeterKind, SentReading } from '../state/meter-record';
import type { FleetStatus } from '../watch/stats-view';
import type { FleetCounters, FleetEventListener } from './fleet-events';

/**
 * The fleet registers its meters as a manufacturer; with an operator's token of the first NMI it also approves its
 * own models on the ledger first (the simulation plays both parts; a real manufacturer asks an NMI).
 */
export interface FleetCredentials {
  manufacturer: { name: string; token: string };
  operatorToken?: string;
}

/** One NMI's registration service: the fleet registers every meter with each. */
export interface RegistrationService {
  mspId: string;
  url: string;
}

/** Stand-ins for libs/fe (tests). */
export interface FeStandIns {
  generateSeed?: () => Uint8Array;
  encrypt?: FeEncrypt;
}

export interface FleetOptions {
  speedMeters: number;
  energyMeters: number;
  /**
   * Functionally encrypted energy meters (docs/billing.md); default 0. Each walks its 15-minute slots from the
   * first day of the previous month; its seed goes into the state folder's customer-seeds.json.
   */
  feMeters?: number;
  /** Meter keys, seq counters and pending readings; a fleet started on the same folder goes on from there. */
  stateDir: string;
  measurementUrl: string;
  /** PTB's and Inmetro's registration services on the devnet. */
  registrationServices: readonly RegistrationService[];
  /** Who the fleet acts as (fleetCredentialsOf reads them from the network file). */
  credentials?: FleetCredentials;
  /** Readings per second per meter while `run` runs; default 2. */
  rate?: number;
  /** Readings per POST; default 10. */
  batch?: number;
  /** Sensor noise on the synthetic signals; default true. */
  noise?: boolean;
  /** True speeds are drawn from this range; default 30-180 km/h. */
  speedKmh?: NumberRange;
  /** Meters registering at once; default 16. */
  registrationConcurrency?: number;
  /** POSTs in flight at once (one per group of meters); default 4. */
  senders?: number;
  /** A partial batch is sent once its oldest reading waited this long; default 1000 ms. */
  lingerMs?: number;
  /** Append the truth of every acknowledged reading to this JSON-lines file. */
  truthsFile?: string;
  onEvent?: FleetEventListener;
  /** Stand-ins for the services (tests). */
  measurementApi?: MeasurementApi;
  registrationApi?: (service: RegistrationService) => RegistrationApi;
  /** Random numbers in [0, 1) for true values and noise seeds (tests); default Math.random. */
  random?: () => number;
  fe?: FeStandIns;
  /** Faults injected into chosen meters (surveillance tests and demos). */
  faults?: FleetFaults;
}

/** A meter of the fleet as a consumer sees it. */
export interface FleetMeter {
  meterId: string;
  kind: MeterKind;
  model: string;
  publicKeyPem: string;
  keyFingerprint: string;
}

/** A simulated fleet of sealed meters driven from code (integration tests) or by `metrochain-fleet run`. */
export interface Fleet {
  /** Part of every meter id; kept in the state folder. */
  readonly fleetId: string;
  readonly meters: readonly FleetMeter[];
  /** The truth behind every reading the measurement service acknowledged, by reading id. */
  readonly truths: ReadonlyMap<string, ReadingTruth>;
  /** Registers every meter not yet active with every NMI (challenge, signed answer) until active. */
  register(): Promise<RegistrationSummary>;
  /**
   * Signs `perMeter` readings for every meter now and posts them; resolves once all were acknowledged. An energy-fe
   * meter signs fewer once its next slot has not ended yet.
   */
  postReadings(perMeter: number): Promise<SentReading[]>;
  /** Posts readings at `rate` per meter until `durationS` passed or `stop` is called; resolves when drained. */
  run(options?: Readonly<{ durationS?: number }>): Promise<FleetCounters>;
  counters(): FleetCounters;
  status(): FleetStatus;
  /**
   * Stops producing, sends what is queued for up to `graceMs` (default 10 s), then aborts; what was not
   * acknowledged stays pending in the state folder for the next start. Releases the state folder.
   */
  stop(options?: Readonly<{ graceMs?: number }>): Promise<void>;
}
