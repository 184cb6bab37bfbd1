import { readingStatusResponseSchema } from '@metrochain/contracts';
import { zodDto } from '@metrochain/service-kit';

// OpenAPI shape generated from the contract's zod schema, so the document cannot drift from the answer's type.

export class ReadingStatusResponseDto extends zodDto(readingStatusResponseSchema) {}
