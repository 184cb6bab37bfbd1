export * from './versions';
export * from './kafka-topics';
export * from './fabric-settings';
export * from './fabric-yaml';
