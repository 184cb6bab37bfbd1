import type { DomainError } from '@metrochain/errors';
import { codedError, type ToolErrorOptions } from '@metrochain/tool-kit';

/**
 * Codes of the fleet's own beside the kit's (ToolErrorCode: USAGE, SERVICE_UNREACHABLE…); refusals by the services
 * keep the services' codes (e.g. REQUEST_INVALID).
 */
export const FleetErrorCode = {
  /** Some meters could not be registered; details list each with the service's code. */
  REGISTRATION_FAILED: 'REGISTRATION_FAILED',
  /** Every NMI attested but the ledger does not hold the meter as active. */
  METER_NOT_ACTIVE: 'METER_NOT_ACTIVE',
  /** An NMI holds the registration for an operator's approval (its policy for this manufacturer). */
  REGISTRATION_HELD: 'REGISTRATION_HELD',
  /** The state folder holds files the fleet cannot read as its own. */
  STATE_INVALID: 'STATE_INVALID',
  /** Another fleet process uses the same state folder. */
  STATE_LOCKED: 'STATE_LOCKED',
} as const;
export type FleetErrorCode = (typeof FleetErrorCode)[keyof typeof FleetErrorCode];

export const fleetError: (
  code: FleetErrorCode,
  message: string,
  options?: ToolErrorOptions,
) => DomainError<FleetErrorCode> = codedError;
