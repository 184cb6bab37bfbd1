import {
  issuedRotationSchema,
  revocationRequestSchema,
  rotationRequestSchema,
  rotationResponseSchema,
} from '@metrochain/contracts';
import { createZodDto } from 'nestjs-zod';

// OpenAPI shapes generated from the zod schemas in libs/contracts, which the service validates with.

export class RevocationRequestDto extends createZodDto(revocationRequestSchema) {}
export class RotationRequestDto extends createZodDto(rotationRequestSchema) {}
export class IssuedRotationDto extends createZodDto(issuedRotationSchema) {}
export class RotationResponseDto extends createZodDto(rotationResponseSchema) {}
