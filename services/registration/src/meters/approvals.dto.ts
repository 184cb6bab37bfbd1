import {
  attestationPolicyRequestSchema,
  attestationPolicySchema,
  heldRegistrationViewSchema,
  committedModelApprovalSchema,
  meterModelApprovalSchema,
  modelApprovalInputSchema,
  registrationRejectedSchema,
  registrationRejectionRequestSchema,
} from '@metrochain/contracts';
import { zodDto } from '@metrochain/service-kit';

// OpenAPI shapes generated from the zod schemas in libs/contracts, which the services validate with.

export class HeldRegistrationDto extends zodDto(heldRegistrationViewSchema) {}
export class RejectionRequestDto extends zodDto(registrationRejectionRequestSchema) {}
export class RegistrationRejectedDto extends zodDto(registrationRejectedSchema) {}
export class AttestationPolicyRequestDto extends zodDto(attestationPolicyRequestSchema) {}
export class AttestationPolicyDto extends zodDto(attestationPolicySchema) {}
export class ModelApprovalInputDto extends zodDto(modelApprovalInputSchema) {}
export class ModelApprovalDto extends zodDto(meterModelApprovalSchema) {}
export class CommittedModelApprovalDto extends zodDto(committedModelApprovalSchema) {}
