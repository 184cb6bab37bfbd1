import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { MeasurementStatsResponse } from '@metrochain/contracts';
import { Public } from '@metrochain/service-kit';
import { MeasurementStats } from './measurement-stats';
import { MeasurementStatsResponseDto } from './stats.dto';

@ApiTags('stats')
// Counters and the latest measurements, which are on the ledger anyway: the fleet's live view reads them.
@Public()
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
