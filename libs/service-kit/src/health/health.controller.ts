import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../access/access-policy';
import type { ReadinessReport } from '../readiness/readiness';
import { ReadinessService } from '../readiness/readiness.service';
import { LivenessDto, ReadinessReportDto } from './health.dto';
import type { Liveness } from './liveness';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  readonly #readiness: Pick<ReadinessService, 'requireReady'>;

  constructor(@Inject(ReadinessService) readiness: Pick<ReadinessService, 'requireReady'>) {
    this.#readiness = readiness;
  }

  @Get('live')
  @ApiOkResponse({ type: LivenessDto, description: 'The process serves HTTP.' })
  live(): Liveness {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOkResponse({ type: ReadinessReportDto, description: 'Kafka, Redis and the ledger are up.' })
  @ApiServiceUnavailableResponse({
    type: ReadinessReportDto,
    description: 'A dependency is down; see `failing`.',
  })
  ready(): Promise<ReadinessReport> {
    return this.#readiness.requireReady();
  }
}
