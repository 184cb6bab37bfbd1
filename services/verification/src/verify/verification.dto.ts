import {
  verificationRecordResponseSchema,
  verifyBatchRequestSchema,
  verifyBatchResponseSchema,
  verifyRequestSchema,
  verifyResponseSchema,
} from '@metrochain/contracts';
import { zodDto } from '@metrochain/service-kit';

// OpenAPI shapes generated from the zod schemas in libs/contracts, which the API validates with.

export class VerifyRequestDto extends zodDto(verifyRequestSchema) {}
// A union on `outcome` (valid, or invalid with its reason), which the document shows as `oneOf`. A class cannot
// extend a union's instance type, and only the schema on the class matters to the document, so the base is widened.
const VerifyResponseBase: new () => object = zodDto(verifyResponseSchema);
export class VerifyResponseDto extends VerifyResponseBase {}
export class VerifyBatchRequestDto extends zodDto(verifyBatchRequestSchema) {}
export class VerifyBatchResponseDto extends zodDto(verifyBatchResponseSchema) {}
export class VerificationRecordResponseDto extends zodDto(verificationRecordResponseSchema) {}
