import { ApiProperty } from '@nestjs/swagger';

// Classes only so that the OpenAPI document describes the bodies; the API answers with the contract's types.

export class MeasurementCountsDto {
  @ApiProperty({ description: 'Readings accepted by ingest (202)' })
  accepted!: number;

  @ApiProperty({ description: 'Verified readings taken in by the recorder' })
  verified!: number;

  @ApiProperty({ description: 'Measurements recorded on the ledger (redeliveries not counted)' })
  recorded!: number;

  @ApiProperty({ description: 'Readings rejected by verification or by the ledger' })
  rejected!: number;
}

export class RecordedMeasurementDto {
  @ApiProperty({ example: 'meter-0001' })
  meterId!: string;

  @ApiProperty()
  seq!: number;

  @ApiProperty({ format: 'date-time' })
  measuredAt!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The LR result by kind: speed (km/h), energy (Wh) or energy-fe (ciphertext)',
  })
  result!: Record<string, unknown>;

  @ApiProperty({ description: 'SHA-256 hex of the signed bytes' })
  readingDigest!: string;

  @ApiProperty({ description: 'SHA-256 hex fingerprint of the LR software' })
  lrFingerprint!: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({ description: 'The Fabric transaction that recorded it' })
  txId!: string;

  @ApiProperty()
  blockNumber!: number;
}

export class MeasurementStatsResponseDto {
  @ApiProperty({ format: 'date-time', description: 'When this instance started counting' })
  since!: string;

  @ApiProperty({ example: 10, description: 'Seconds the per-second rates are averaged over' })
  windowS!: number;

  @ApiProperty({ type: MeasurementCountsDto })
  totals!: MeasurementCountsDto;

  @ApiProperty({ type: MeasurementCountsDto, description: 'Events per second over the window' })
  perSecond!: MeasurementCountsDto;

  @ApiProperty({ type: [RecordedMeasurementDto], description: 'Latest recorded first, at most 20' })
  latest!: RecordedMeasurementDto[];
}
