import { SEED_BYTES, generateSeed as feGenerateSeed } from '@metrochain/fe';
import { installationDayOf } from '../fe/fe-slots';
import type { StateStore } from '../state/state-store';
import { newMeterKeyPem } from '../keys/meter-key';
import { METER_KINDS, type FeState, type MeterKind, type MeterRecord } from '../state/meter-record';
import { SimulatedMeter } from './simulated-meter';

/**
 * Type-approval names of the simulated models: a two-loop speed trap, a single-phase energy meter and a
 * functionally encrypted energy meter (15-minute slots, docs/billing.md).
 */
export const METER_MODELS: Readonly<Record<MeterKind, string>> = {
  speed: 'SIM-SPEED-2L',
  energy: 'SIM-ENERGY-1P',
  'energy-fe': 'SIM-ENERGY-FE',
};

/** How new energy-fe meters are installed (tests pass stand-ins for libs/fe and the clock). */
export interface InstallationOptions {
  /** Default: libs/fe's generateSeed. */
  generateSeed?: () => Uint8Array;
  /** The installation time: the meter's first slot is slot 0 of the first day of the month before. */
  now?: Date;
}

const CUSTOMER_DIGITS = 4;
const CUSTOMERS = 10 ** CUSTOMER_DIGITS - 1;

/** The customer holding the seed of the `index`th energy-fe meter: customer-0001, customer-0002, … round robin. */
export function customerOf(index: number): string {
  return `customer-${String((index % CUSTOMERS) + 1).padStart(CUSTOMER_DIGITS, '0')}`;
}

/** `sim-<fleet id>-<kind>-0001`: the fleet id keeps meters of two state folders apart on one ledger. */
export function meterIdOf(fleetId: string, kind: MeterKind, index: number): string {
  return `sim-${fleetId}-${kind}-${String(index + 1).padStart(4, '0')}`;
}

/**
 * The first `speed` speed meters, `energy` energy meters and `energy-fe` FE meters of this fleet: those the state
 * folder knows come back with their keys, seq counters, slots and pending readings; the others get new keys (and
 * FE seeds) and are saved at once.
 */
export function loadMeters(
  store: Pick<StateStore, 'fleetId' | 'loadMeter' | 'saveMeter'>,
  counts: Readonly<Record<MeterKind, number>>,
  installation: InstallationOptions = {},
): SimulatedMeter[] {
  return METER_KINDS.flatMap((kind) =>
    Array.from({ length: counts[kind] }, (_, index) => {
      const meterId = meterIdOf(store.fleetId, kind, index);
      const record = store.loadMeter(meterId) ?? newRecord(meterId, kind, index, installation);
      store.saveMeter(record);
      return new SimulatedMeter(record);
    }),
  );
}

function newRecord(
  meterId: string,
  kind: MeterKind,
  index: number,
  installation: InstallationOptions,
): MeterRecord {
  const fe = kind === 'energy-fe' ? { fe: newFeState(index, installation) } : {};
  return {
    ...fe,
    meterId,
    kind,
    model: METER_MODELS[kind],
    privateKeyPem: newMeterKeyPem(),
    nextSeq: 0,
    attestedBy: [],
    active: false,
    pending: [],
  };
}

function newFeState(index: number, installation: InstallationOptions): FeState {
  const seed = (installation.generateSeed ?? feGenerateSeed)();
  if (seed.length !== SEED_BYTES) {
    throw new Error(`an FE seed has ${SEED_BYTES} bytes, not ${seed.length}`);
  }
  return {
    seed: Buffer.from(seed).toString('base64'),
    customer: customerOf(index),
    installedDay: installationDayOf(installation.now ?? new Date()),
    nextSlot: 0,
  };
}
