import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type VerificationBatchResponse,
  verificationBatchIdSchema,
  verificationBatchResponseSchema,
} from '@metrochain/contracts';
import { ErrorBodyDto, Public, ZodParam, parseRequest, zodDto } from '@metrochain/service-kit';
import { VerificationBatchReader } from './verification-batch-reader';

class VerificationBatchResponseDto extends zodDto(verificationBatchResponseSchema) {}

@ApiTags('verifications')
@Controller('verification-batches')
// The log is a transparency log: every record is public already (GET /verifications/:id), and listing a whole batch
// is what lets anyone (the auditors first) check that the anchored root covers exactly the records served.
@Public()
export class VerificationBatchesController {
  readonly #reader: VerificationBatchReader;

  constructor(@Inject(VerificationBatchReader) reader: VerificationBatchReader) {
    this.#reader = reader;
  }

  @Get(':batchId')
  @ZodParam('batchId', verificationBatchIdSchema)
  @ApiOkResponse({
    type: VerificationBatchResponseDto,
    description:
      'The stored records of the batch with their proofs, and its anchor; empty for an unknown batch.',
  })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'REQUEST_INVALID: not a batch id.' })
  batch(@Param('batchId') batchId: string): Promise<VerificationBatchResponse> {
    return this.#reader.read(parseRequest(verificationBatchIdSchema, batchId));
  }
}
