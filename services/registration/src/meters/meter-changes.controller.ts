import { challengeIdSchema, meterIdSchema } from '@metrochain/contracts';
import { Body, Controller, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { CommittedMeterView, IssuedRotation, Principal } from '@metrochain/contracts';
import { Allow, CurrentPrincipal, ErrorBodyDto, ZodParam } from '@metrochain/service-kit';
import {
  IssuedRotationDto,
  RevocationRequestDto,
  RotationRequestDto,
  RotationResponseDto,
} from './meter-changes.dto';
import { CommittedMeterDto } from './meter-registration.dto';
import { RevocationService } from './revocation.service';
import { RotationService } from './rotation.service';

/**
 * Changes to registered meters by this NMI's operators: revocation (any NMI may revoke any meter: revocation is
 * the fail-safe direction) and two-step key rotation.
 */
@ApiTags('meters')
@Controller('meters')
@Allow('nmi-operator')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'REQUEST_INVALID (bad id or body).' })
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'ROLE_FORBIDDEN: this identity is no registrar.' })
@ApiBadGatewayResponse({ type: ErrorBodyDto, description: 'The ledger failed.' })
export class MeterChangesController {
  readonly #revocation: RevocationService;
  readonly #rotation: RotationService;

  constructor(
    @Inject(RevocationService) revocation: RevocationService,
    @Inject(RotationService) rotation: RotationService,
  ) {
    this.#revocation = revocation;
    this.#rotation = rotation;
  }

  @Post(':meterId/revocation')
  @ZodParam('meterId', meterIdSchema)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CommittedMeterDto, description: 'Revoked by this NMI, on the ledger.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'METER_UNKNOWN' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'METER_REVOKED: already revoked.' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'INVALID_ARGUMENT: effectiveAt more than 24 h before the transaction.',
  })
  revoke(
    @Param('meterId') meterId: string,
    @Body() body: RevocationRequestDto,
    @CurrentPrincipal() operator: Principal,
  ): Promise<CommittedMeterView> {
    return this.#revocation.revoke(meterId, body, operator.name);
  }

  @Post(':meterId/rotations')
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'KEY_INVALID: the new key does not parse.',
  })
  @ZodParam('meterId', meterIdSchema)
  @ApiCreatedResponse({
    type: IssuedRotationDto,
    description: 'A single-use rotation statement, valid for 300 s.',
  })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'METER_UNKNOWN' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'METER_REVOKED, METER_NOT_ACTIVE, KEY_REUSED.' })
  issueRotation(
    @Param('meterId') meterId: string,
    @Body() body: RotationRequestDto,
  ): Promise<IssuedRotation> {
    return this.#rotation.issueRotation(meterId, body);
  }

  @Post('rotations/:rotationId/response')
  @ZodParam('rotationId', challengeIdSchema)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: CommittedMeterDto,
    description: 'The new key is in force from the transaction time.',
  })
  @ApiGoneResponse({ type: ErrorBodyDto, description: 'CHALLENGE_UNKNOWN: unknown, expired or used.' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'SIGNATURE_INVALID: a signature failed.',
  })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'METER_REVOKED, METER_NOT_ACTIVE, NONCE_REUSED.' })
  answerRotation(
    @Param('rotationId') rotationId: string,
    @Body() body: RotationResponseDto,
  ): Promise<CommittedMeterView> {
    return this.#rotation.answerRotation(rotationId, body);
  }
}
