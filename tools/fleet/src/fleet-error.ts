import { DomainError } from '@metrochain/errors';

/** Codes the fleet raises itself; refusals by the services keep the services' codes (e.g. REQUEST_INVALID). */
export const FleetErrorCode = {
  /** Bad command line: unknown command or option, missing or malformed value. Exit code 2. */
  USAGE: 'USAGE',
  /** The network file does not parse or its `services` section is malformed. */
  NETWORK_FILE_INVALID: 'NETWORK_FILE_INVALID',
  /** No URL for a service the fleet needs (registration of both NMIs, measurement). */
  ENDPOINT_UNKNOWN: 'ENDPOINT_UNKNOWN',
  SERVICE_UNREACHABLE: 'SERVICE_UNREACHABLE',
  SERVICE_TIMEOUT: 'SERVICE_TIMEOUT',
  /** The service failed without a coded body. */
  SERVICE_ERROR: 'SERVICE_ERROR',
  /** A success answer that is not what the API promises. */
  RESPONSE_INVALID: 'RESPONSE_INVALID',
  /** Some meters could not be registered; details list each with the service's code. */
  REGISTRATION_FAILED: 'REGISTRATION_FAILED',
  /** Every NMI attested but the ledger does not hold the meter as active. */
  METER_NOT_ACTIVE: 'METER_NOT_ACTIVE',
  /** The state folder holds files the fleet cannot read as its own. */
  STATE_INVALID: 'STATE_INVALID',
  /** Another fleet process uses the same state folder. */
  STATE_LOCKED: 'STATE_LOCKED',
} as const;
export type FleetErrorCode = (typeof FleetErrorCode)[keyof typeof FleetErrorCode];

/** 0 done, 1 refused or failed ("CODE: message" on stderr), 2 usage error. */
export const ExitCode = { OK: 0, FAILED: 1, USAGE: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export function fleetError(
  code: FleetErrorCode,
  message: string,
  options: Readonly<{ details?: Record<string, unknown>; retriable?: boolean; cause?: unknown }> = {},
): DomainError<FleetErrorCode> {
  return new DomainError({ code, message, ...options });
}

export function usageError(message: string): DomainError<FleetErrorCode> {
  return fleetError(FleetErrorCode.USAGE, message);
}
