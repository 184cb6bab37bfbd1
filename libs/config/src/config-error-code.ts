/** Codes of the failures `@metrochain/config` reports; each is fatal at start-up, so none is retriable. */
export const ConfigErrorCode = {
  CONFIG_INVALID: 'CONFIG_INVALID',
  NETWORK_PROFILE_MISSING: 'NETWORK_PROFILE_MISSING',
  NETWORK_PROFILE_INVALID: 'NETWORK_PROFILE_INVALID',
} as const;
export type ConfigErrorCode = (typeof ConfigErrorCode)[keyof typeof ConfigErrorCode];
