export * from './versions';
export * from './fabric-settings';
