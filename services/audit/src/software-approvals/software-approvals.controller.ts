import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  type LrApproval,
  type Principal,
  type SoftwareApprovalResponse,
  type SoftwareWithdrawalResponse,
  softwareApprovalBodySchema,
  softwareApprovalsQuerySchema,
  softwareFingerprintParamSchema,
  softwareMeterKindParamSchema,
  softwareWithdrawalBodySchema,
} from '@metrochain/contracts';
import {
  Allow,
  CurrentPrincipal,
  ErrorBodyDto,
  Public,
  ZodParam,
  parseRequest,
} from '@metrochain/service-kit';
import {
  LrApprovalDto,
  SoftwareApprovalBodyDto,
  SoftwareApprovalResponseDto,
  SoftwareApprovalsQueryDto,
  SoftwareWithdrawalBodyDto,
  SoftwareWithdrawalResponseDto,
} from './software-approvals.dto';
import { SoftwareApprovalsService } from './software-approvals.service';

/**
 * LR software approvals per meter kind. Approving and withdrawing are for notified bodies (auditor principals); the
 * list is public, as type-approval certificates are in legal metrology: anyone can check that the fingerprint a
 * receipt or /version names is approved.
 */
@ApiTags('software-approvals')
@Controller('api/software-approvals')
export class SoftwareApprovalsController {
  readonly #approvals: SoftwareApprovalsService;

  constructor(@Inject(SoftwareApprovalsService) approvals: SoftwareApprovalsService) {
    this.#approvals = approvals;
  }

  @Post()
  @Allow('auditor')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: SoftwareApprovalResponseDto,
    description: 'Committed: the version record and each kind.',
  })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'ALREADY_EXISTS: the version names another build, or the build another version.',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'APPROVAL_WITHDRAWN: a withdrawn approval is not approved again; INVALID_ARGUMENT.',
  })
  @ApiBadGatewayResponse({ type: ErrorBodyDto, description: 'The ledger failed.' })
  approve(
    @Body() body: SoftwareApprovalBodyDto,
    @CurrentPrincipal() notifiedBody: Principal,
  ): Promise<SoftwareApprovalResponse> {
    return this.#approvals.approve(parseRequest(softwareApprovalBodySchema, body), notifiedBody);
  }

  @Post(':fingerprint/:meterKind/withdraw')
  @Allow('auditor')
  @HttpCode(HttpStatus.OK)
  @ZodParam('fingerprint', softwareFingerprintParamSchema)
  @ZodParam('meterKind', softwareMeterKindParamSchema)
  @ApiOkResponse({ type: SoftwareWithdrawalResponseDto, description: 'Committed: the approval, withdrawn.' })
  @ApiNotFoundResponse({
    type: ErrorBodyDto,
    description: 'NOT_FOUND: the build is not approved for the kind.',
  })
  @ApiBadGatewayResponse({ type: ErrorBodyDto, description: 'The ledger failed.' })
  withdraw(
    @Param('fingerprint') fingerprint: string,
    @Param('meterKind') meterKind: string,
    @Body() body: SoftwareWithdrawalBodyDto,
  ): Promise<SoftwareWithdrawalResponse> {
    return this.#approvals.withdraw(
      parseRequest(softwareFingerprintParamSchema, fingerprint),
      parseRequest(softwareMeterKindParamSchema, meterKind),
      parseRequest(softwareWithdrawalBodySchema, body).reason,
    );
  }

  @Get()
  @Public()
  @ApiOkResponse({ type: LrApprovalDto, isArray: true })
  list(@Query() query: SoftwareApprovalsQueryDto): Promise<LrApproval[]> {
    return this.#approvals.list(parseRequest(softwareApprovalsQuerySchema, query).meterKind);
  }
}
