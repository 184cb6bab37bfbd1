import {
  lrApprovalSchema,
  softwareApprovalBodySchema,
  softwareApprovalResponseSchema,
  softwareApprovalsQuerySchema,
  softwareWithdrawalBodySchema,
  softwareWithdrawalResponseSchema,
} from '@metrochain/contracts';
import { zodDto } from '@metrochain/service-kit';

// OpenAPI shapes generated from the zod schemas in libs/contracts, which the service validates with.

export class SoftwareApprovalBodyDto extends zodDto(softwareApprovalBodySchema) {}
export class SoftwareWithdrawalBodyDto extends zodDto(softwareWithdrawalBodySchema) {}
export class SoftwareApprovalsQueryDto extends zodDto(softwareApprovalsQuerySchema) {}
export class SoftwareApprovalResponseDto extends zodDto(softwareApprovalResponseSchema) {}
export class SoftwareWithdrawalResponseDto extends zodDto(softwareWithdrawalResponseSchema) {}
export class LrApprovalDto extends zodDto(lrApprovalSchema) {}
