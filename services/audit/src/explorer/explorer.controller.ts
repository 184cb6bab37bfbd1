import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type ChaincodeDefinition,
  type ExplorerBlock,
  type ExplorerRates,
  type ExplorerSearchResult,
  type ExplorerSummary,
  type ExplorerTransactionDetail,
  blockNumberParamSchema,
  explorerBlocksQuerySchema,
  explorerSearchQuerySchema,
  txIdParamSchema,
} from '@metrochain/contracts';
import { Allow, ErrorBodyDto, ZodParam, parseRequest } from '@metrochain/service-kit';
import {
  ChaincodeDefinitionDto,
  ExplorerBlockDto,
  ExplorerBlocksQueryDto,
  ExplorerRatesDto,
  ExplorerSearchQueryDto,
  ExplorerSummaryDto,
  ExplorerTransactionDetailDto,
} from './explorer.dto';
import { ExplorerService } from './explorer.service';

/** The block explorer of the channel, for auditors (arguments hold meter data). */
@ApiTags('explorer')
@Controller('api/explorer')
@Allow('auditor')
export class ExplorerController {
  readonly #explorer: ExplorerService;

  constructor(@Inject(ExplorerService) explorer: ExplorerService) {
    this.#explorer = explorer;
  }

  @Get('summary')
  @ApiOkResponse({ type: ExplorerSummaryDto })
  summary(): ExplorerSummary {
    return this.#explorer.summary();
  }

  @Get('blocks')
  @ApiOkResponse({ type: ExplorerBlockDto, isArray: true })
  blocks(@Query() query: ExplorerBlocksQueryDto): ExplorerBlock[] {
    return this.#explorer.latest(parseRequest(explorerBlocksQuerySchema, query).limit);
  }

  @Get('blocks/:blockNumber')
  @ZodParam('blockNumber', blockNumberParamSchema)
  @ApiOkResponse({ type: ExplorerBlockDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'BLOCK_UNKNOWN: beyond the height.' })
  block(@Param('blockNumber') blockNumber: string): Promise<ExplorerBlock> {
    return this.#explorer.block(parseRequest(blockNumberParamSchema, blockNumber));
  }

  @Get('transactions/:txId')
  @ZodParam('txId', txIdParamSchema)
  @ApiOkResponse({ type: ExplorerTransactionDetailDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'TRANSACTION_UNKNOWN: not on the channel.' })
  transaction(@Param('txId') txId: string): Promise<ExplorerTransactionDetail> {
    return this.#explorer.transaction(parseRequest(txIdParamSchema, txId));
  }

  @Get('chaincodes')
  @ApiOkResponse({ type: ChaincodeDefinitionDto, isArray: true })
  chaincodes(): Promise<ChaincodeDefinition[]> {
    return this.#explorer.chaincodes();
  }

  @Get('rates')
  @ApiOkResponse({ type: ExplorerRatesDto })
  rates(): ExplorerRates {
    return this.#explorer.rates();
  }

  @Get('search')
  @ApiOkResponse({ description: '`{kind: "block", block}` or `{kind: "transaction", transaction}`.' })
  @ApiNotFoundResponse({
    type: ErrorBodyDto,
    description: 'SEARCH_NOT_FOUND, BLOCK_UNKNOWN, TRANSACTION_UNKNOWN.',
  })
  search(@Query() query: ExplorerSearchQueryDto): Promise<ExplorerSearchResult> {
    return this.#explorer.search(parseRequest(explorerSearchQuerySchema, query).q);
  }
}
