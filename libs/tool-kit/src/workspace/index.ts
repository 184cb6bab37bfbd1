export * from './repo-root';
export * from './progress-log';
export * from './run-command';
