import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import {
  type MeterRecord,
  type PublicMeter,
  type ReceiptCheckResponse,
  meterRecordSchema,
  publicMeterParamSchema,
  publicMeterSchema,
  receiptCheckRequestSchema,
  receiptCheckResponseSchema,
} from '@metrochain/contracts';
import {
  Allow,
  BodyLimit,
  ErrorBodyDto,
  Public,
  ZodParam,
  parseRequest,
  zodDto,
} from '@metrochain/service-kit';
import { ReceiptsService } from './receipts.service';

class ReceiptCheckRequestDto extends zodDto(receiptCheckRequestSchema) {}
class ReceiptCheckResponseDto extends zodDto(receiptCheckResponseSchema) {}
class PublicMeterDto extends zodDto(publicMeterSchema) {}
class MeterRecordDto extends zodDto(meterRecordSchema) {}

/** The public receipt check and meter keys (anyone), and a meter's full registry record (auditors). */
@ApiTags('receipts')
@Controller('api')
export class ReceiptsController {
  readonly #receipts: ReceiptsService;

  constructor(@Inject(ReceiptsService) receipts: ReceiptsService) {
    this.#receipts = receipts;
  }

  @Post('public/receipts/check')
  @Public()
  @BodyLimit(32_768)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ReceiptCheckResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'RECEIPT_MALFORMED: not a receipt.' })
  check(@Body() body: ReceiptCheckRequestDto): Promise<ReceiptCheckResponse> {
    return this.#receipts.check(parseRequest(receiptCheckRequestSchema, body).receipt);
  }

  @Get('public/meters/:meterId')
  @Public()
  @ZodParam('meterId', publicMeterParamSchema)
  @ApiOkResponse({ type: PublicMeterDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'METER_UNKNOWN: no such meter on the ledger.' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'INVALID_ARGUMENT: the ledger refused the id.',
  })
  publicMeter(@Param('meterId') meterId: string): Promise<PublicMeter> {
    return this.#receipts.publicMeter(parseRequest(publicMeterParamSchema, meterId));
  }

  @Get('meters/:meterId')
  @Allow('auditor')
  @ZodParam('meterId', publicMeterParamSchema)
  @ApiOkResponse({ type: MeterRecordDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'METER_UNKNOWN: no such meter on the ledger.' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'INVALID_ARGUMENT: the ledger refused the id.',
  })
  meter(@Param('meterId') meterId: string): Promise<MeterRecord> {
    return this.#receipts.meter(parseRequest(publicMeterParamSchema, meterId));
  }
}
