import { readingStatusResponseSchema } from '@metrochain/contracts';
import { createZodDto } from 'nestjs-zod';

// OpenAPI shape generated from the contract's zod schema, so the document cannot drift from the answer's type.

export class ReadingStatusResponseDto extends createZodDto(readingStatusResponseSchema) {}
