import type { StateStore } from '../state/state-store';
import { newMeterKeyPem } from '../keys/meter-key';
import type { MeterKind, MeterRecord } from '../state/meter-record';
import { SimulatedMeter } from './simulated-meter';

/** Type-approval names of the simulated models: a two-loop speed trap and a single-phase energy meter. */
export const METER_MODELS: Readonly<Record<MeterKind, string>> = {
  speed: 'SIM-SPEED-2L',
  energy: 'SIM-ENERGY-1P',
};

/** `sim-<fleet id>-<kind>-0001`: the fleet id keeps meters of two state folders apart on one ledger. */
export function meterIdOf(fleetId: string, kind: MeterKind, index: number): string {
  return `sim-${fleetId}-${kind}-${String(index + 1).padStart(4, '0')}`;
}

/**
 * The first `speed` speed meters and `energy` energy meters of this fleet: those the state folder knows come back
 * with their keys, seq counters and pending readings; the others get new keys and are saved at once.
 */
export function loadMeters(
  store: Pick<StateStore, 'fleetId' | 'loadMeter' | 'saveMeter'>,
  counts: Readonly<Record<MeterKind, number>>,
): SimulatedMeter[] {
  const kinds: MeterKind[] = ['speed', 'energy'];
  return kinds.flatMap((kind) =>
    Array.from({ length: counts[kind] }, (_, index) => {
      const meterId = meterIdOf(store.fleetId, kind, index);
      const record = store.loadMeter(meterId) ?? newRecord(meterId, kind);
      store.saveMeter(record);
      return new SimulatedMeter(record);
    }),
  );
}

function newRecord(meterId: string, kind: MeterKind): MeterRecord {
  return {
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
