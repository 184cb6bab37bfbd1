import { findingViewSchema, findingsQuerySchema } from '@metrochain/contracts';
import { zodDto } from '@metrochain/service-kit';

// OpenAPI shapes generated from the zod schemas in libs/contracts, which the service validates with.

export class FindingDto extends zodDto(findingViewSchema) {}
export class FindingsQueryDto extends zodDto(findingsQuerySchema) {}
