import { ingestBatchRequestSchema, ingestRequestSchema, ingestResponseSchema } from '@metrochain/contracts';
import { createZodDto } from 'nestjs-zod';

// OpenAPI shapes generated from the zod schemas in libs/contracts, which the API validates with.

export class ReadingDto extends createZodDto(ingestRequestSchema) {}
export class IngestBatchRequestDto extends createZodDto(ingestBatchRequestSchema) {}
export class IngestResponseDto extends createZodDto(ingestResponseSchema) {}
