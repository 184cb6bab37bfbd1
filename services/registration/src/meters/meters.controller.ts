import { challengeIdSchema, meterIdSchema } from '@metrochain/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiAcceptedResponse,
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
import type {
  CommittedMeterView,
  HeldRegistrationView,
  IssuedChallenge,
  MeterRecord,
  Principal,
} from '@metrochain/contracts';
import { Allow, CurrentPrincipal, ErrorBodyDto, Public, ZodParam } from '@metrochain/service-kit';
import type { FastifyReply } from 'fastify';
import { HeldRegistrationDto } from './approvals.dto';
import {
  ChallengeResponseDto,
  CommittedMeterDto,
  IssuedChallengeDto,
  MeterRecordDto,
  RegistrationRequestDto,
} from './meter-registration.dto';
import { RegistrationService } from './registration.service';

@ApiTags('meters')
@Controller('meters')
export class MetersController {
  readonly #registration: RegistrationService;

  constructor(@Inject(RegistrationService) registration: RegistrationService) {
    this.#registration = registration;
  }

  @Post('registrations')
  @Allow('manufacturer')
  @ApiCreatedResponse({ type: IssuedChallengeDto, description: 'A single-use challenge, valid for 300 s.' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'REQUEST_INVALID or KEY_INVALID (not P-256).' })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'MODEL_NOT_YOURS: another manufacturer’s model.' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'MODEL_NOT_APPROVED on the ledger, or KEY_INVALID: the key does not parse as P-256 SPKI.',
  })
  issueChallenge(
    @Body() body: RegistrationRequestDto,
    @CurrentPrincipal() manufacturer: Principal,
  ): Promise<IssuedChallenge> {
    return this.#registration.issueChallenge(body, manufacturer.name);
  }

  @Post('registrations/:challengeId/response')
  @ZodParam('challengeId', challengeIdSchema)
  @Allow('manufacturer')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CommittedMeterDto, description: "This NMI's attestation is on the ledger." })
  @ApiAcceptedResponse({ type: HeldRegistrationDto, description: 'Proof checked; held for an operator.' })
  @ApiGoneResponse({ type: ErrorBodyDto, description: 'CHALLENGE_UNKNOWN: unknown, expired or used.' })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'The ledger refused the proof.' })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'ALREADY_ATTESTED, NONCE_REUSED, METER_REVOKED, KEY_MISMATCH, MODEL_MISMATCH.',
  })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'ROLE_FORBIDDEN: this identity cannot attest.' })
  @ApiBadGatewayResponse({ type: ErrorBodyDto, description: 'The ledger failed.' })
  async answerChallenge(
    @Param('challengeId') challengeId: string,
    @Body() body: ChallengeResponseDto,
    @CurrentPrincipal() manufacturer: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommittedMeterView | HeldRegistrationView> {
    const answer = await this.#registration.answerChallenge(challengeId, body, manufacturer.name);
    if ('status' in answer && answer.status === 'held') {
      void reply.status(HttpStatus.ACCEPTED);
    }
    return answer;
  }

  // A PKI's records are public: anyone checking a signature may see the key, its attestations and revocation.
  @Get(':meterId')
  @ZodParam('meterId', meterIdSchema)
  @Public()
  @ApiOkResponse({ type: MeterRecordDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'METER_UNKNOWN' })
  getMeter(@Param('meterId') meterId: string): Promise<MeterRecord> {
    return this.#registration.getMeter(meterId);
  }
}
