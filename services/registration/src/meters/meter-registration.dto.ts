import {
  challengeResponseSchema,
  committedMeterViewSchema,
  issuedChallengeSchema,
  meterViewSchema,
  registrationRequestSchema,
} from '@metrochain/contracts';
import { createZodDto } from 'nestjs-zod';

// OpenAPI shapes generated from the zod schemas in libs/contracts, which the service validates with.

export class RegistrationRequestDto extends createZodDto(registrationRequestSchema) {}
export class IssuedChallengeDto extends createZodDto(issuedChallengeSchema) {}
export class ChallengeResponseDto extends createZodDto(challengeResponseSchema) {}
export class MeterRecordDto extends createZodDto(meterViewSchema) {}
/** The record after a write by this NMI, with its transaction. */
export class CommittedMeterDto extends createZodDto(committedMeterViewSchema) {}
