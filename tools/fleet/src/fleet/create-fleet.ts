import { RegistrationClient } from '@metrochain/tool-kit';
import { newMeasurementClient } from '../http/measurement-client';
import { newRegistrationClient } from '../registration/registration-client';
import { StateStore } from '../state/state-store';
import type { Fleet, FleetOptions } from './fleet';
import { loadMeters } from './meter-roster';
import { newReadingFactory } from './reading-factory';
import { SimulatedFleet, type FleetParts } from './simulated-fleet';
import type { SimulatedMeter } from './simulated-meter';
import { TruthLog } from './truth-log';

const MODEL_APPROVAL_TIMEOUT_MS = 60_000;

export const FLEET_DEFAULTS = {
  rate: 2,
  batch: 10,
  noise: true,
  speedKmh: { min: 30, max: 180 },
  registrationConcurrency: 16,
  senders: 4,
  lingerMs: 1000,
} as const;

/**
 * Opens the state folder (taking its lock), loads or creates the meters and wires the fleet to the services. Call
 * `register()` before posting, and `stop()` at the end to release the folder.
 */
export function createFleet(options: FleetOptions): Fleet {
  const store = StateStore.open(options.stateDir);
  try {
    const counts = {
      speed: options.speedMeters,
      energy: options.energyMeters,
      'energy-fe': options.feMeters ?? 0,
    };
    const generateSeed = options.fe?.generateSeed;
    const meters = loadMeters(store, counts, generateSeed === undefined ? {} : { generateSeed });
    saveCustomerSeeds(store, meters);
    return new SimulatedFleet({ store, meters, ...services(options), ...settings(options) });
  } catch (error) {
    store.close();
    throw error;
  }
}

/** The customers' copy of every FE seed, written before any reading of the meter goes out. */
function saveCustomerSeeds(store: StateStore, meters: readonly SimulatedMeter[]): void {
  const seeds = meters.flatMap((meter) => {
    const fe = meter.snapshot().fe;
    return fe === undefined ? [] : [{ meterId: meter.meterId, customer: fe.customer, seed: fe.seed }];
  });
  if (seeds.length > 0) {
    store.saveCustomerSeeds(seeds);
  }
}

function services(
  options: FleetOptions,
): Pick<FleetParts, 'measurementApi' | 'registrationTargets' | 'approveModels'> {
  const bearerToken = options.credentials?.manufacturer.token;
  const registrationApi =
    options.registrationApi ?? ((service) => newRegistrationClient(service.url, { bearerToken }));
  const approveModels = modelApprover(options);
  return {
    ...(approveModels === undefined ? {} : { approveModels }),
    measurementApi: options.measurementApi ?? newMeasurementClient(options.measurementUrl),
    registrationTargets: options.registrationServices.map((service) => ({
      mspId: service.mspId,
      api: registrationApi(service),
    })),
  };
}

/** Approves each model for the fleet's manufacturer through the first NMI, with its operator's token. */
function modelApprover(options: FleetOptions): FleetParts['approveModels'] {
  const { credentials } = options;
  const [first] = options.registrationServices;
  if (credentials?.operatorToken === undefined || first === undefined) {
    return undefined;
  }
  const operator = new RegistrationClient({
    baseUrl: first.url,
    timeoutMs: MODEL_APPROVAL_TIMEOUT_MS,
    bearerToken: credentials.operatorToken,
  });
  return async (models) => {
    for (const model of models) {
      await operator.approveModel({ model, manufacturer: credentials.manufacturer.name });
    }
  };
}

function settings(
  options: FleetOptions,
): Omit<FleetParts, 'store' | 'meters' | 'measurementApi' | 'registrationTargets'> {
  const rate = options.rate ?? FLEET_DEFAULTS.rate;
  return {
    factory: readingFactory(options, rate),
    truthLog: new TruthLog(options.truthsFile === undefined ? {} : { file: options.truthsFile }),
    rate,
    batch: options.batch ?? FLEET_DEFAULTS.batch,
    senders: options.senders ?? FLEET_DEFAULTS.senders,
    lingerMs: options.lingerMs ?? FLEET_DEFAULTS.lingerMs,
    registrationConcurrency: options.registrationConcurrency ?? FLEET_DEFAULTS.registrationConcurrency,
    ...(options.onEvent === undefined ? {} : { onEvent: options.onEvent }),
    ...(options.faults === undefined ? {} : { faults: options.faults }),
  };
}

function readingFactory(options: FleetOptions, rate: number): FleetParts['factory'] {
  return newReadingFactory({
    noise: options.noise ?? FLEET_DEFAULTS.noise,
    speedKmh: options.speedKmh ?? FLEET_DEFAULTS.speedKmh,
    rate,
    random: options.random ?? Math.random,
    ...(options.fe?.encrypt === undefined ? {} : { encrypt: options.fe.encrypt }),
    ...(options.faults === undefined ? {} : { faults: options.faults }),
  });
}
