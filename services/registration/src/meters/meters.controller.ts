import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBadGatewayResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { CommittedMeterView, IssuedChallenge, MeterRecord } from '@metrochain/contracts';
import { DomainErrorFilter } from './domain-error.filter';
import {
  ChallengeResponseDto,
  CommittedMeterDto,
  ErrorBodyDto,
  IssuedChallengeDto,
  MeterRecordDto,
  RegistrationRequestDto,
} from './meter-registration.dto';
import { RegistrationService } from './registration.service';

@ApiTags('meters')
@Controller('meters')
@UseFilters(DomainErrorFilter)
export class MetersController {
  readonly #registration: RegistrationService;

  constructor(@Inject(RegistrationService) registration: RegistrationService) {
    this.#registration = registration;
  }

  @Post('registrations')
  @ApiCreatedResponse({ type: IssuedChallengeDto, description: 'A single-use challenge, valid for 300 s.' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'REQUEST_INVALID or KEY_INVALID (not P-256).' })
  issueChallenge(@Body() body: RegistrationRequestDto): Promise<IssuedChallenge> {
    return this.#registration.issueChallenge(body);
  }

  @Post('registrations/:challengeId/response')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CommittedMeterDto, description: "This NMI's attestation is on the ledger." })
  @ApiGoneResponse({ type: ErrorBodyDto, description: 'CHALLENGE_UNKNOWN: unknown, expired or used.' })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'The ledger refused the proof.' })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'ALREADY_ATTESTED, NONCE_REUSED, METER_REVOKED, KEY_MISMATCH, MODEL_MISMATCH.',
  })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'ROLE_FORBIDDEN: this identity cannot attest.' })
  @ApiBadGatewayResponse({ type: ErrorBodyDto, description: 'The ledger failed.' })
  answerChallenge(
    @Param('challengeId') challengeId: string,
    @Body() body: ChallengeResponseDto,
  ): Promise<CommittedMeterView> {
    return this.#registration.answerChallenge(challengeId, body);
  }

  @Get(':meterId')
  @ApiOkResponse({ type: MeterRecordDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'METER_UNKNOWN' })
  getMeter(@Param('meterId') meterId: string): Promise<MeterRecord> {
    return this.#registration.getMeter(meterId);
  }
}
