import {
  reexecutionAcceptedSchema,
  reexecutionJobSchema,
  reexecutionRequestSchema,
  reexecutionsOverviewSchema,
} from '@metrochain/contracts';
import { zodDto } from '@metrochain/service-kit';

// OpenAPI shapes generated from the zod schemas in libs/contracts, which the service validates with.

export class ReexecutionRequestDto extends zodDto(reexecutionRequestSchema) {}
export class ReexecutionAcceptedDto extends zodDto(reexecutionAcceptedSchema) {}
export class ReexecutionJobDto extends zodDto(reexecutionJobSchema) {}
export class ReexecutionsOverviewDto extends zodDto(reexecutionsOverviewSchema) {}
