import { meterModelSchema } from '@metrochain/contracts';
import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { CommittedModelApproval, MeterModelApproval, Principal } from '@metrochain/contracts';
import { Allow, CurrentPrincipal, ErrorBodyDto, Public, ZodParam } from '@metrochain/service-kit';
import { CommittedModelApprovalDto, ModelApprovalDto, ModelApprovalInputDto } from './approvals.dto';
import { ModelApprovalService } from './model-approval.service';

/** Type approval of meter models on the ledger: operators approve, anyone may read. */
@ApiTags('models')
@Controller('models')
export class ModelsController {
  readonly #models: ModelApprovalService;

  constructor(@Inject(ModelApprovalService) models: ModelApprovalService) {
    this.#models = models;
  }

  @Post()
  @Allow('nmi-operator')
  @ApiCreatedResponse({
    type: CommittedModelApprovalDto,
    description: 'Approved for the manufacturer, on the ledger.',
  })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'REQUEST_INVALID' })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'ALREADY_EXISTS: approved for another manufacturer.',
  })
  @ApiBadGatewayResponse({ type: ErrorBodyDto, description: 'The ledger failed.' })
  approve(
    @Body() body: ModelApprovalInputDto,
    @CurrentPrincipal() operator: Principal,
  ): Promise<CommittedModelApproval> {
    return this.#models.approve(body, operator.name);
  }

  @Get(':model')
  @ZodParam('model', meterModelSchema)
  @Public()
  @ApiOkResponse({ type: ModelApprovalDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'NOT_FOUND: the model is not approved.' })
  get(@Param('model') model: string): Promise<MeterModelApproval> {
    return this.#models.get(model);
  }
}
