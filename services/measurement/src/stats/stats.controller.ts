import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { MeasurementStatsResponse } from '@metrochain/contracts';
import { MeasurementStats } from './measurement-stats';
import { MeasurementStatsResponseDto } from './stats.dto';

@ApiTags('stats')
@Controller('stats')
export class StatsController {
  readonly #stats: MeasurementStats;

  constructor(@Inject(MeasurementStats) stats: MeasurementStats) {
    this.#stats = stats;
  }

  @Get()
  @ApiOkResponse({
    type: MeasurementStatsResponseDto,
    description: 'Totals since start, rates over the last 10 s and the latest measurements of this instance.',
  })
  stats(): MeasurementStatsResponse {
    return this.#stats.snapshot();
  }
}
