import {
  issuedRotationSchema,
  revocationRequestSchema,
  rotationRequestSchema,
  rotationResponseSchema,
} from '@metrochain/contracts';
import { zodDto } from '@metrochain/service-kit';

// OpenAPI shapes generated from the zod schemas in libs/contracts, which the service validates with.

export class RevocationRequestDto extends zodDto(revocationRequestSchema) {}
export class RotationRequestDto extends zodDto(rotationRequestSchema) {}
export class IssuedRotationDto extends zodDto(issuedRotationSchema) {}
export class RotationResponseDto extends zodDto(rotationResponseSchema) {}
