export * from './versions';
export * from './fabric-settings';
export * from './fabric-yaml';
