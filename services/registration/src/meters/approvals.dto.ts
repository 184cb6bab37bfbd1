import {
  attestationPolicyRequestSchema,
  attestationPolicySchema,
  heldRegistrationViewSchema,
  meterModelApprovalSchema,
  modelApprovalInputSchema,
  registrationRejectedSchema,
  registrationRejectionRequestSchema,
} from '@metrochain/contracts';
import { createZodDto } from 'nestjs-zod';

// OpenAPI shapes generated from the zod schemas in libs/contracts, which the services validate with.

export class HeldRegistrationDto extends createZodDto(heldRegistrationViewSchema) {}
export class RejectionRequestDto extends createZodDto(registrationRejectionRequestSchema) {}
export class RegistrationRejectedDto extends createZodDto(registrationRejectedSchema) {}
export class AttestationPolicyRequestDto extends createZodDto(attestationPolicyRequestSchema) {}
export class AttestationPolicyDto extends createZodDto(attestationPolicySchema) {}
export class ModelApprovalInputDto extends createZodDto(modelApprovalInputSchema) {}
export class ModelApprovalDto extends createZodDto(meterModelApprovalSchema) {}
