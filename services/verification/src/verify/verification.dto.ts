import {
  verificationRecordResponseSchema,
  verifyBatchRequestSchema,
  verifyBatchResponseSchema,
  verifyRequestSchema,
  verifyResponseSchema,
} from '@metrochain/contracts';
import { createZodDto } from 'nestjs-zod';

// OpenAPI shapes generated from the zod schemas in libs/contracts, which the API validates with.

export class VerifyRequestDto extends createZodDto(verifyRequestSchema) {}
// A union on `outcome` (valid, or invalid with its reason), which the document shows as `oneOf`. A class cannot
// extend a union's instance type, and only the schema on the class matters to the document, so the base is widened.
const VerifyResponseBase: new () => object = createZodDto(verifyResponseSchema);
export class VerifyResponseDto extends VerifyResponseBase {}
export class VerifyBatchRequestDto extends createZodDto(verifyBatchRequestSchema) {}
export class VerifyBatchResponseDto extends createZodDto(verifyBatchResponseSchema) {}
export class VerificationRecordResponseDto extends createZodDto(verificationRecordResponseSchema) {}
