import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  type Account,
  type KeyRecord,
  type Principal,
  type SlotCiphertext,
  type Statement,
  accountIdSchema,
} from '@metrochain/contracts';
import { Allow, CurrentPrincipal, ErrorBodyDto, ZodParam, parseRequest } from '@metrochain/service-kit';
import {
  AccountDto,
  AccountInputDto,
  CiphertextsQueryDto,
  ClosePeriodInputDto,
  KeyInputDto,
  KeyRecordDto,
  SlotCiphertextDto,
  StatementDto,
} from './billing.dto';
import { BillingService } from './billing.service';

const FORBIDDEN = 'ACCOUNT_FORBIDDEN: the caller is not this party of the account.';
const NOT_FOUND = 'ACCOUNT_UNKNOWN: no such account.';

/**
 * Accounts, keys and statements. The role guard admits utilities and customers; the service keeps each to its own
 * accounts (a utility to its customers, a customer to its own).
 */
@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  readonly #billing: BillingService;

  constructor(@Inject(BillingService) billing: BillingService) {
    this.#billing = billing;
  }

  @Post()
  @Allow('utility')
  @ApiCreatedResponse({ type: AccountDto, description: 'Opened on the ledger for the calling utility.' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'ALREADY_EXISTS: the account id is taken.' })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'METER_UNKNOWN: no such meter.' })
  @ApiBadGatewayResponse({ type: ErrorBodyDto, description: 'The ledger failed.' })
  open(@Body() body: AccountInputDto, @CurrentPrincipal() utility: Principal): Promise<Account> {
    return this.#billing.openAccount(body, utility);
  }

  @Get(':accountId')
  @Allow('utility', 'customer')
  @ZodParam('accountId', accountIdSchema)
  @ApiOkResponse({ type: AccountDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: FORBIDDEN })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: NOT_FOUND })
  get(@Param('accountId') accountId: string, @CurrentPrincipal() caller: Principal): Promise<Account> {
    return this.#billing.account(parseRequest(accountIdSchema, accountId), caller);
  }

  @Post(':accountId/keys')
  @Allow('customer')
  @ZodParam('accountId', accountIdSchema)
  @ApiCreatedResponse({
    type: KeyRecordDto,
    description: 'The issuance, recorded on the ledger (never the key).',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'TARIFF_UNKNOWN, or KEY_POLICY_VIOLATION: another band partition or too many keys.',
  })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'KEY_VALIDITY_OVERLAP or ALREADY_EXISTS.' })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: FORBIDDEN })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: NOT_FOUND })
  issueKey(
    @Param('accountId') accountId: string,
    @Body() body: KeyInputDto,
    @CurrentPrincipal() customer: Principal,
  ): Promise<KeyRecord> {
    return this.#billing.issueKey(parseRequest(accountIdSchema, accountId), body, customer);
  }

  @Get(':accountId/keys')
  @Allow('utility', 'customer')
  @ZodParam('accountId', accountIdSchema)
  @ApiOkResponse({ type: KeyRecordDto, isArray: true })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: FORBIDDEN })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: NOT_FOUND })
  keys(@Param('accountId') accountId: string, @CurrentPrincipal() caller: Principal): Promise<KeyRecord[]> {
    return this.#billing.keys(parseRequest(accountIdSchema, accountId), caller);
  }

  @Get(':accountId/statements')
  @Allow('utility', 'customer')
  @ZodParam('accountId', accountIdSchema)
  @ApiOkResponse({ type: StatementDto, isArray: true })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: FORBIDDEN })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: NOT_FOUND })
  statements(
    @Param('accountId') accountId: string,
    @CurrentPrincipal() caller: Principal,
  ): Promise<Statement[]> {
    return this.#billing.statements(parseRequest(accountIdSchema, accountId), caller);
  }

  @Post(':accountId/statements')
  @Allow('utility')
  @ZodParam('accountId', accountIdSchema)
  @ApiCreatedResponse({ type: StatementDto, description: 'Computed on the ledger, endorsed by two NMIs.' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'FE_NO_RESULT: the key does not open this meter’s readings under its tariff.',
  })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'PERIOD_OPEN, KEY_NOT_ISSUED or PERIOD_BEFORE_BILLING.',
  })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: FORBIDDEN })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: NOT_FOUND })
  close(
    @Param('accountId') accountId: string,
    @Body() body: ClosePeriodInputDto,
    @CurrentPrincipal() utility: Principal,
  ): Promise<Statement> {
    return this.#billing.closePeriod(parseRequest(accountIdSchema, accountId), body, utility);
  }

  @Get(':accountId/ciphertexts')
  @Allow('customer')
  @ZodParam('accountId', accountIdSchema)
  @ApiOkResponse({ type: SlotCiphertextDto, isArray: true, description: 'In (day, slot) order.' })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: FORBIDDEN })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: NOT_FOUND })
  ciphertexts(
    @Param('accountId') accountId: string,
    @Query() query: CiphertextsQueryDto,
    @CurrentPrincipal() customer: Principal,
  ): Promise<SlotCiphertext[]> {
    return this.#billing.ciphertexts(parseRequest(accountIdSchema, accountId), query, customer);
  }
}
