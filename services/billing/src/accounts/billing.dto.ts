import {
  accountInputSchema,
  accountSchema,
  ciphertextsQuerySchema,
  closePeriodInputSchema,
  keyInputSchema,
  keyRecordSchema,
  slotCiphertextSchema,
  statementViewSchema,
  tariffInputSchema,
  tariffSchema,
} from '@metrochain/contracts';
import { zodDto } from '@metrochain/service-kit';

// OpenAPI shapes generated from the zod schemas in libs/contracts, which the service validates with.

export class TariffInputDto extends zodDto(tariffInputSchema) {}
export class TariffDto extends zodDto(tariffSchema) {}
export class AccountInputDto extends zodDto(accountInputSchema) {}
export class AccountDto extends zodDto(accountSchema) {}
export class KeyInputDto extends zodDto(keyInputSchema) {}
export class KeyRecordDto extends zodDto(keyRecordSchema) {}
export class ClosePeriodInputDto extends zodDto(closePeriodInputSchema) {}
export class StatementDto extends zodDto(statementViewSchema) {}
export class SlotCiphertextDto extends zodDto(slotCiphertextSchema) {}
export class CiphertextsQueryDto extends zodDto(ciphertextsQuerySchema) {}
