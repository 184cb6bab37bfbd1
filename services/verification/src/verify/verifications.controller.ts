import { verificationIdSchema } from '@metrochain/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiUnprocessableEntityResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { VerificationRecordResponse, VerifyBatchResponse, VerifyResponse } from '@metrochain/contracts';
import { ErrorBodyDto, Public, ZodParam } from '@metrochain/service-kit';
import { VerificationApi } from './verification-api';
import {
  VerificationRecordResponseDto,
  VerifyBatchRequestDto,
  VerifyBatchResponseDto,
  VerifyRequestDto,
  VerifyResponseDto,
} from './verification.dto';

@ApiTags('verifications')
@Controller('verifications')
// Anyone may check a meter's signature and fetch a record with its proof: that is what the PKI is for.
@Public()
export class VerificationsController {
  readonly #api: VerificationApi;

  constructor(@Inject(VerificationApi) api: VerificationApi) {
    this.#api = api;
  }

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: VerifyResponseDto,
    description: 'The verdict (valid or invalid with a reason), logged under verificationId.',
  })
  @ApiBadRequestResponse({
    type: ErrorBodyDto,
    description: 'REQUEST_INVALID; not logged.',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'SIGNATURE_MALFORMED: base64 that is no DER signature; not logged.',
  })
  @ApiBadGatewayResponse({ type: ErrorBodyDto, description: 'The ledger could not be read.' })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto, description: 'LOG_UNAVAILABLE: nothing was logged.' })
  verify(@Body() body: VerifyRequestDto): Promise<VerifyResponse> {
    return this.#api.verify(body);
  }

  @Post('batch')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: VerifyBatchResponseDto,
    description: 'One verdict per check, in order; all logged.',
  })
  @ApiBadRequestResponse({
    type: ErrorBodyDto,
    description: 'REQUEST_INVALID in any check (1-1000 checks); nothing logged.',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'SIGNATURE_MALFORMED in any check; nothing logged.',
  })
  @ApiBadGatewayResponse({ type: ErrorBodyDto, description: 'The ledger could not be read.' })
  verifyBatch(@Body() body: VerifyBatchRequestDto): Promise<VerifyBatchResponse> {
    return this.#api.verifyBatch(body);
  }

  @Get(':verificationId')
  @ZodParam('verificationId', verificationIdSchema)
  @ApiOkResponse({
    type: VerificationRecordResponseDto,
    description: 'The logged record with its inclusion proof once its batch is anchored on the ledger.',
  })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'REQUEST_INVALID: not a verification id.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'VERIFICATION_UNKNOWN' })
  record(@Param('verificationId') verificationId: string): Promise<VerificationRecordResponse> {
    return this.#api.record(verificationId);
  }
}
