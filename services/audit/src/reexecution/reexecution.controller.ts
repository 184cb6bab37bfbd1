import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  AuditReexecutionErrorCode,
  type Principal,
  type ReexecutionAccepted,
  type ReexecutionJob,
  type ReexecutionsOverview,
  reexecutionJobIdSchema,
  reexecutionRangeProblem,
  reexecutionRequestSchema,
} from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import { Allow, CurrentPrincipal, ErrorBodyDto, ZodParam, parseRequest } from '@metrochain/service-kit';
import {
  ReexecutionAcceptedDto,
  ReexecutionJobDto,
  ReexecutionRequestDto,
  ReexecutionsOverviewDto,
} from './reexecution.dto';
import { ContinuousReexecution } from './reexecution.service';
import { ReexecutionJobs } from './reexecution-jobs';

/** Re-execution of recorded measurements with the LR software they name: auditors only. */
@ApiTags('reexecutions')
@Controller('api/reexecutions')
export class ReexecutionController {
  readonly #jobs: ReexecutionJobs;
  readonly #continuous: ContinuousReexecution;

  constructor(
    @Inject(ReexecutionJobs) jobs: ReexecutionJobs,
    @Inject(ContinuousReexecution) continuous: ContinuousReexecution,
  ) {
    this.#jobs = jobs;
    this.#continuous = continuous;
  }

  @Post()
  @Allow('auditor')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({
    type: ReexecutionAcceptedDto,
    description: 'The job runs; poll GET /api/reexecutions/:jobId.',
  })
  @ApiBadRequestResponse({
    type: ErrorBodyDto,
    description: 'REQUEST_INVALID: the body breaks the schema.',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'REEXECUTION_RANGE_INVALID: to below from, or more than 10,000 readings.',
  })
  start(@Body() body: ReexecutionRequestDto, @CurrentPrincipal() auditor: Principal): ReexecutionAccepted {
    const request = parseRequest(reexecutionRequestSchema, body);
    const problem = reexecutionRangeProblem(request);
    if (problem !== undefined) {
      throw new DomainError({ code: AuditReexecutionErrorCode.REEXECUTION_RANGE_INVALID, message: problem });
    }
    const job = this.#jobs.start(request, auditor.name);
    return { jobId: job.jobId, status: job.status };
  }

  @Get()
  @Allow('auditor')
  @ApiOkResponse({
    type: ReexecutionsOverviewDto,
    description: 'The continuous tallies and the recent jobs.',
  })
  overview(): ReexecutionsOverview {
    return { continuous: this.#continuous.status(), jobs: this.#jobs.recent() };
  }

  @Get(':jobId')
  @Allow('auditor')
  @ZodParam('jobId', reexecutionJobIdSchema)
  @ApiOkResponse({ type: ReexecutionJobDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'REEXECUTION_UNKNOWN' })
  job(@Param('jobId') jobId: string): ReexecutionJob {
    return this.#jobs.get(parseRequest(reexecutionJobIdSchema, jobId));
  }
}
