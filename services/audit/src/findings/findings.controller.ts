import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type FindingView, findingIdSchema, findingsQuerySchema } from '@metrochain/contracts';
import { Allow, ErrorBodyDto, ZodParam, parseRequest } from '@metrochain/service-kit';
import { FindingDto, FindingsQueryDto } from './findings.dto';
import { FindingsService } from './findings.service';

/** Findings of every audit check, newest first: auditors only (evidence names meters, readings and peers). */
@ApiTags('findings')
@Controller('api/findings')
export class FindingsController {
  readonly #findings: FindingsService;

  constructor(@Inject(FindingsService) findings: FindingsService) {
    this.#findings = findings;
  }

  @Get()
  @Allow('auditor')
  @ApiOkResponse({ type: FindingDto, isArray: true })
  list(@Query() query: FindingsQueryDto): Promise<FindingView[]> {
    // The DTO only documents the query: parsing applies its defaults and refuses what it does not allow.
    return this.#findings.list(parseRequest(findingsQuerySchema, query));
  }

  @Get(':findingId')
  @Allow('auditor')
  @ZodParam('findingId', findingIdSchema)
  @ApiOkResponse({ type: FindingDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'FINDING_UNKNOWN: no such finding (or expired).' })
  get(@Param('findingId') findingId: string): Promise<FindingView> {
    return this.#findings.get(parseRequest(findingIdSchema, findingId));
  }
}
