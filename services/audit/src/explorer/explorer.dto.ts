import {
  chaincodeDefinitionSchema,
  explorerBlockSchema,
  explorerBlocksQuerySchema,
  explorerRatesSchema,
  explorerSearchQuerySchema,
  explorerSummarySchema,
  explorerTransactionDetailSchema,
} from '@metrochain/contracts';
import { zodDto } from '@metrochain/service-kit';

export class ExplorerSummaryDto extends zodDto(explorerSummarySchema) {}
export class ExplorerBlockDto extends zodDto(explorerBlockSchema) {}
export class ExplorerBlocksQueryDto extends zodDto(explorerBlocksQuerySchema) {}
export class ExplorerTransactionDetailDto extends zodDto(explorerTransactionDetailSchema) {}
export class ExplorerRatesDto extends zodDto(explorerRatesSchema) {}
export class ChaincodeDefinitionDto extends zodDto(chaincodeDefinitionSchema) {}
export class ExplorerSearchQueryDto extends zodDto(explorerSearchQuerySchema) {}
