import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  type VerificationLogCheck,
  verificationLogCheckIdSchema,
  verificationLogCheckRequestSchema,
  verificationLogCheckSchema,
} from '@metrochain/contracts';
import { Allow, ErrorBodyDto, ZodParam, parseRequest, zodDto } from '@metrochain/service-kit';
import { VerificationLogService } from './verification-log.service';

class VerificationLogCheckRequestDto extends zodDto(verificationLogCheckRequestSchema) {}
class VerificationLogCheckDto extends zodDto(verificationLogCheckSchema) {}

/** Completeness checks of the verification log against the ledger's anchors: auditors only. */
@ApiTags('verification-log')
@Controller('api/verification-log/checks')
export class VerificationLogController {
  readonly #service: VerificationLogService;

  constructor(@Inject(VerificationLogService) service: VerificationLogService) {
    this.#service = service;
  }

  @Post()
  @Allow('auditor')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: VerificationLogCheckDto, description: 'The check runs; poll its id.' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'REQUEST_INVALID: not a batch id.' })
  start(@Body() body: VerificationLogCheckRequestDto): VerificationLogCheck {
    return this.#service.start(parseRequest(verificationLogCheckRequestSchema, body).batchId);
  }

  @Get(':checkId')
  @Allow('auditor')
  @ZodParam('checkId', verificationLogCheckIdSchema)
  @ApiOkResponse({ type: VerificationLogCheckDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'VERIFICATION_CHECK_UNKNOWN' })
  get(@Param('checkId') checkId: string): VerificationLogCheck {
    return this.#service.get(parseRequest(verificationLogCheckIdSchema, checkId));
  }
}
