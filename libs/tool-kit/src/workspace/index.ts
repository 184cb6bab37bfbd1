export * from './repo-root';
export * from './progress-log';
