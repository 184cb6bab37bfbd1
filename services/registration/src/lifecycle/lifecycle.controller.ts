import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { LifecyclePublisherStatus } from '@metrochain/contracts';
import { Allow } from '@metrochain/service-kit';
import { LifecyclePublisherStatusDto } from './lifecycle-publisher-status.dto';
import { LifecyclePublisherHost } from './lifecycle-publisher.host';

@ApiTags('lifecycle')
@Allow('nmi-operator', 'auditor')
@Controller('lifecycle')
export class LifecycleController {
  readonly #host: LifecyclePublisherHost;

  constructor(@Inject(LifecyclePublisherHost) host: LifecyclePublisherHost) {
    this.#host = host;
  }

  @Get('publisher')
  @ApiOkResponse({
    type: LifecyclePublisherStatusDto,
    description: 'Whether this instance holds the lease and publishes meter.lifecycle.v1.',
  })
  publisherStatus(): LifecyclePublisherStatus {
    return this.#host.status();
  }
}
