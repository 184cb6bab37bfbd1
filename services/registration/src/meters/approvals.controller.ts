import { challengeIdSchema, principalNameSchema } from '@metrochain/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type {
  AttestationPolicy,
  CommittedMeterView,
  HeldRegistrationView,
  Principal,
  RegistrationRejected,
} from '@metrochain/contracts';
import { Allow, CurrentPrincipal, ErrorBodyDto, ZodParam } from '@metrochain/service-kit';
import { ApprovalQueueService } from './approval-queue.service';
import {
  AttestationPolicyDto,
  AttestationPolicyRequestDto,
  HeldRegistrationDto,
  RegistrationRejectedDto,
  RejectionRequestDto,
} from './approvals.dto';
import { CommittedMeterDto } from './meter-registration.dto';

/** This NMI's operators: the attestation policy per manufacturer and the registrations held for approval. */
@ApiTags('approvals')
@Controller()
@Allow('nmi-operator')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'REQUEST_INVALID (bad id or body).' })
export class ApprovalsController {
  readonly #queue: ApprovalQueueService;

  constructor(@Inject(ApprovalQueueService) queue: ApprovalQueueService) {
    this.#queue = queue;
  }

  @Get('meters/registrations/held')
  @ApiOkResponse({ type: [HeldRegistrationDto], description: 'Held registrations, oldest first.' })
  held(): Promise<HeldRegistrationView[]> {
    return this.#queue.list();
  }

  @Post('meters/registrations/:registrationId/approval')
  @ZodParam('registrationId', challengeIdSchema)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CommittedMeterDto, description: "This NMI's attestation is on the ledger." })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'REGISTRATION_NOT_HELD: unknown or decided.' })
  approve(@Param('registrationId') registrationId: string): Promise<CommittedMeterView> {
    return this.#queue.approve(registrationId);
  }

  @Post('meters/registrations/:registrationId/rejection')
  @ZodParam('registrationId', challengeIdSchema)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: RegistrationRejectedDto, description: 'Removed from the queue; nothing attested.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'REGISTRATION_NOT_HELD: unknown or decided.' })
  reject(
    @Param('registrationId') registrationId: string,
    @Body() body: RejectionRequestDto,
    @CurrentPrincipal() operator: Principal,
  ): Promise<RegistrationRejected> {
    return this.#queue.reject(registrationId, body, operator.name);
  }

  @Get('attestation-policies/:manufacturer')
  @ZodParam('manufacturer', principalNameSchema)
  @ApiOkResponse({ type: AttestationPolicyDto })
  policy(@Param('manufacturer') manufacturer: string): Promise<AttestationPolicy> {
    return this.#queue.policy(manufacturer);
  }

  @Put('attestation-policies/:manufacturer')
  @ZodParam('manufacturer', principalNameSchema)
  @ApiOkResponse({ type: AttestationPolicyDto, description: 'In force for answers from now on.' })
  setPolicy(
    @Param('manufacturer') manufacturer: string,
    @Body() body: AttestationPolicyRequestDto,
  ): Promise<AttestationPolicy> {
    return this.#queue.setPolicy(manufacturer, body);
  }
}
