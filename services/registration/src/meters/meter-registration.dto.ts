import {
  challengeResponseSchema,
  committedMeterViewSchema,
  issuedChallengeSchema,
  meterViewSchema,
  registrationRequestSchema,
} from '@metrochain/contracts';
import { zodDto } from '@metrochain/service-kit';

// OpenAPI shapes generated from the zod schemas in libs/contracts, which the service validates with.

export class RegistrationRequestDto extends zodDto(registrationRequestSchema) {}
export class IssuedChallengeDto extends zodDto(issuedChallengeSchema) {}
export class ChallengeResponseDto extends zodDto(challengeResponseSchema) {}
export class MeterRecordDto extends zodDto(meterViewSchema) {}
/** The record after a write by this NMI, with its transaction. */
export class CommittedMeterDto extends zodDto(committedMeterViewSchema) {}
