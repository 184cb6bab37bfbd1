import { ApiProperty } from '@nestjs/swagger';
import { MAX_INGEST_BATCH, READING_KINDS } from '@metrochain/contracts';

// Classes only so that the OpenAPI document describes the bodies; the API validates with the zod schemas.

export class ReadingDto {
  @ApiProperty({ example: 'meter-0001' })
  meterId!: string;

  @ApiProperty({ description: "The meter's sequence number, increasing per meter", example: 42 })
  seq!: number;

  @ApiProperty({ format: 'date-time' })
  measuredAt!: string;

  @ApiProperty({ enum: READING_KINDS })
  kind!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The kind's raw sensor data (loop signals, voltage/current samples, or an FE ciphertext)",
  })
  payload!: Record<string, unknown>;

  @ApiProperty({
    description:
      'ECDSA-P256-SHA256 signature, DER, standard base64, over the RFC 8785 JSON of the reading without `signature`',
  })
  signature!: string;
}

export class IngestBatchRequestDto {
  @ApiProperty({ type: [ReadingDto], minItems: 1, maxItems: MAX_INGEST_BATCH })
  readings!: ReadingDto[];
}

export class AcceptedReadingDto {
  @ApiProperty({
    example: 'meter-0001~42~5d96d0098fdf614f',
    description:
      '<meterId>~<seq>~<first 16 hex of the SHA-256 of the signed bytes>; the same for a resent reading',
  })
  readingId!: string;

  @ApiProperty()
  meterId!: string;

  @ApiProperty()
  seq!: number;
}

export class IngestResponseDto {
  @ApiProperty({ type: [AcceptedReadingDto], description: 'One per reading, in the order of the request' })
  accepted!: AcceptedReadingDto[];

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;
}
