import { crdSchemasGenerator } from './crd-schemas';
import type { Generator } from './generator';
import { kafkaClusterGenerator } from './kafka-cluster';
import { kafkaTopicsGenerator } from './kafka-topics';
import { nmiChartSettingsGenerator } from './nmi-chart-settings';

/** Every generated file of the repository comes from one of these. */
export const GENERATORS: readonly Generator[] = [
  kafkaClusterGenerator,
  kafkaTopicsGenerator,
  nmiChartSettingsGenerator,
  crdSchemasGenerator,
];
