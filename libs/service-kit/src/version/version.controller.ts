import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type ServiceVersion, serviceVersionSchema } from '@metrochain/contracts';
import { createZodDto } from 'nestjs-zod';
import { Public } from '../access/access-policy';

/** The injection token of the service's ServiceVersion, read once at start (readBuildVersion). */
export const SERVICE_VERSION = 'SERVICE_VERSION';

class ServiceVersionDto extends createZodDto(serviceVersionSchema) {}

@ApiTags('health')
@Public()
@Controller('version')
export class VersionController {
  readonly #version: ServiceVersion;

  constructor(@Inject(SERVICE_VERSION) version: ServiceVersion) {
    this.#version = version;
  }

  @Get()
  @ApiOkResponse({
    type: ServiceVersionDto,
    description:
      'The service, its build version and the fingerprint of the chaincode bundle this build ships.',
  })
  version(): ServiceVersion {
    return this.#version;
  }
}
