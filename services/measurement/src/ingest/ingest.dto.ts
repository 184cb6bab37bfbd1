import { ingestBatchRequestSchema, ingestRequestSchema, ingestResponseSchema } from '@metrochain/contracts';
import { zodDto } from '@metrochain/service-kit';

// OpenAPI shapes generated from the zod schemas in libs/contracts, which the API validates with.

export class ReadingDto extends zodDto(ingestRequestSchema) {}
export class IngestBatchRequestDto extends zodDto(ingestBatchRequestSchema) {}
export class IngestResponseDto extends zodDto(ingestResponseSchema) {}
