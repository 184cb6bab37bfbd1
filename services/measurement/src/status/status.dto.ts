import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { READING_REJECTION_REASONS, READING_STATUSES, REJECTION_STAGES } from '@metrochain/contracts';

// Classes only so that the OpenAPI document describes the bodies; the API answers with the contract's types.

export class ReadingStatusResponseDto {
  @ApiProperty({ example: 'meter-0001~42~5d96d0098fdf614f' })
  readingId!: string;

  @ApiProperty()
  meterId!: string;

  @ApiProperty()
  seq!: number;

  @ApiProperty({
    enum: READING_STATUSES,
    description: 'received → verified → recorded, or rejected; never moves backwards',
  })
  status!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiPropertyOptional({ enum: READING_REJECTION_REASONS, description: 'Why it was rejected' })
  reason?: string;

  @ApiPropertyOptional({ enum: REJECTION_STAGES, description: 'Who rejected it' })
  stage?: string;

  @ApiPropertyOptional({ description: "The LR software's code for implausible sensor data" })
  lrCode?: string;

  @ApiPropertyOptional()
  detail?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'The recorded LR result by kind',
  })
  result?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'The Fabric transaction holding the record' })
  txId?: string;

  @ApiPropertyOptional({
    description:
      'Its block; for a reading first seen as a redelivery, the block of the transaction that found the record',
  })
  blockNumber?: number;
}
