import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBadGatewayResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type RawReadingResponse,
  rawReadingParamsSchema,
  rawReadingResponseSchema,
} from '@metrochain/contracts';
import { Allow, ErrorBodyDto, ZodParam, parseRequest, zodDto } from '@metrochain/service-kit';
import { RawReadingsService } from './raw-readings.service';

class RawReadingResponseDto extends zodDto(rawReadingResponseSchema) {}

/** Raw signed readings from the blocks, with their digest check: auditors only (they name meters and readings). */
@ApiTags('raw-readings')
@Controller('api/raw-readings')
export class RawReadingsController {
  readonly #rawReadings: RawReadingsService;

  constructor(@Inject(RawReadingsService) rawReadings: RawReadingsService) {
    this.#rawReadings = rawReadings;
  }

  @Get(':meterId/:seq')
  @Allow('auditor')
  @ZodParam('meterId', rawReadingParamsSchema.shape.meterId)
  @ZodParam('seq', rawReadingParamsSchema.shape.seq)
  @ApiOkResponse({ type: RawReadingResponseDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'NOT_FOUND: no such record; RAW_READING_UNKNOWN.' })
  @ApiBadGatewayResponse({ type: ErrorBodyDto, description: 'The ledger failed.' })
  get(@Param('meterId') meterId: string, @Param('seq') seq: string): Promise<RawReadingResponse> {
    const params = parseRequest(rawReadingParamsSchema, { meterId, seq });
    return this.#rawReadings.get(params.meterId, params.seq);
  }
}
