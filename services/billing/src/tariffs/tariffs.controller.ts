import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type Principal, type Tariff, tariffIdSchema } from '@metrochain/contracts';
import { z } from 'zod';
import {
  Allow,
  CurrentPrincipal,
  ErrorBodyDto,
  Public,
  ZodParam,
  parseRequest,
} from '@metrochain/service-kit';
import { BillingService } from '../accounts/billing.service';
import { TariffDto, TariffInputDto } from '../accounts/billing.dto';

// Path parameters arrive as text: a version number, 1 to 1,000,000.
const versionTextSchema = z
  .string()
  .regex(/^(?:[1-9][0-9]{0,5}|1000000)$/, 'expected a version number 1-1000000');

/** The tariff catalogue on the ledger: NMI operators approve tariffs, anyone may read them. */
@ApiTags('tariffs')
@Controller('tariffs')
export class TariffsController {
  readonly #billing: BillingService;

  constructor(@Inject(BillingService) billing: BillingService) {
    this.#billing = billing;
  }

  @Post()
  @Allow('nmi-operator')
  @ApiCreatedResponse({ type: TariffDto, description: 'In the catalogue, on the ledger.' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'TARIFF_INVALID: a band narrower than the minimum, or prices not one per band.',
  })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'ALREADY_EXISTS: the version is in the catalogue.',
  })
  @ApiBadGatewayResponse({ type: ErrorBodyDto, description: 'The ledger failed.' })
  approve(@Body() body: TariffInputDto, @CurrentPrincipal() operator: Principal): Promise<Tariff> {
    return this.#billing.approveTariff(body, operator);
  }

  @Get()
  @Public()
  @ApiOkResponse({ type: TariffDto, isArray: true })
  list(): Promise<Tariff[]> {
    return this.#billing.listTariffs();
  }

  @Get(':tariffId/versions/:version')
  @Public()
  @ZodParam('tariffId', tariffIdSchema)
  @ZodParam('version', versionTextSchema)
  @ApiOkResponse({ type: TariffDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'NOT_FOUND: no such tariff version.' })
  get(@Param('tariffId') tariffId: string, @Param('version') version: string): Promise<Tariff> {
    const id = parseRequest(tariffIdSchema, tariffId);
    const number = Number(parseRequest(versionTextSchema, version));
    return this.#billing.getTariff(id, number);
  }
}
