import { readingIdSchema } from '@metrochain/contracts';
import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ReadingStatusResponse } from '@metrochain/contracts';
import { ErrorBodyDto, Public, ZodParam } from '@metrochain/service-kit';
import { StatusApi } from './status-api';
import { ReadingStatusResponseDto } from './status.dto';

@ApiTags('readings')
@Controller('readings')
// A reading's identity is public (meter id and seq) and so is what became of it: meters and fleets poll it.
@Public()
export class StatusController {
  readonly #api: StatusApi;

  constructor(@Inject(StatusApi) api: StatusApi) {
    this.#api = api;
  }

  @Get(':readingId')
  @ZodParam('readingId', readingIdSchema)
  @ApiOkResponse({ type: ReadingStatusResponseDto, description: 'Where the reading is; kept 7 days.' })
  @ApiNotFoundResponse({
    type: ErrorBodyDto,
    description: 'READING_UNKNOWN: malformed, unknown or expired id.',
  })
  status(@Param('readingId') readingId: string): Promise<ReadingStatusResponse> {
    return this.#api.status(readingId);
  }
}
