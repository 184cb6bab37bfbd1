export { createFleet, FLEET_DEFAULTS } from './fleet/create-fleet';
export type { FeStandIns, Fleet, FleetMeter, FleetOptions, RegistrationService } from './fleet/fleet';
export type { FleetFaults } from './fleet/fleet-faults';
export type { FleetCounters, FleetEvent, FleetEventListener } from './fleet/fleet-events';
export { METER_MODELS, customerOf, meterIdOf } from './fleet/meter-roster';
export { newReadingFactory, type ReadingFactory, type ReadingMeter } from './fleet/reading-factory';
export { buildSpeedReading, type BuiltReading, type SpeedReadingInput } from './readings/speed-reading';
export { buildEnergyReading, type EnergyReadingInput } from './readings/energy-reading';
export {
  buildEnergyFeReading,
  type EnergyFeReadingInput,
  type FeEncrypt,
} from './readings/energy-fe-reading';
export { householdLoadWh, MAX_SLOT_WH } from './fe/load-profile';
export { installationDayOf, slotAt, slotEndMs, slotsOfMonth, type FeSlot } from './fe/fe-slots';
export { CUSTOMER_SEEDS_FILE } from './state/state-store';
export { customerSeedsSchema, type CustomerSeed } from './state/customer-seeds';
export { plateImage } from './readings/plate-image';
export { signReading } from './readings/sign-reading';
export { readingDigest, readingIdOf, signedBytes, type UnsignedReading } from './readings/signed-bytes';
export { readingTruthSchema, type ReadingTruth } from './readings/reading-truth';
export type { MeterKind, SentReading } from './state/meter-record';
export {
  fleetCredentialsOf,
  measurementUrlOf,
  registrationInstancesOf,
  DEFAULT_MEASUREMENT_URL,
} from './endpoints/fleet-endpoints';
export type { ServiceInstance } from '@metrochain/tool-kit';
export { newMeasurementClient, type MeasurementApi } from './http/measurement-client';
export { renderStatsBlock, renderStatsLine, type FleetStatus } from './watch/stats-view';
export { FleetErrorCode } from './fleet-error';
export { runCli } from './cli/cli';
