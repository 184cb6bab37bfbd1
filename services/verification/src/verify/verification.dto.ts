import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { READING_REJECTION_REASONS, VERIFIED_METER_STATUSES } from '@metrochain/contracts';

// Classes only so that the OpenAPI document describes the bodies; the API validates with the zod schemas.

export class VerifyRequestDto {
  @ApiProperty({ example: 'meter-0001' })
  meterId!: string;

  @ApiProperty({ description: 'The signed UTF-8 text itself (at most 65,536 characters)' })
  data!: string;

  @ApiProperty({
    description: 'ECDSA-P256-SHA256 signature over the UTF-8 bytes of `data`, DER, standard base64',
  })
  signature!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the data was measured; default now' })
  measuredAt?: string;
}

export class VerificationRecordDto {
  @ApiProperty({ example: 'vb-PTB-host-3002-mbq2x1k0-1.17', description: '<batch>.<index> in the log' })
  verificationId!: string;

  @ApiProperty({ enum: ['valid', 'invalid'] })
  outcome!: string;

  @ApiPropertyOptional({ enum: READING_REJECTION_REASONS, description: 'Why the check failed' })
  reason?: string;

  @ApiProperty({ enum: ['api', 'pipeline'] })
  source!: string;

  @ApiProperty()
  meterId!: string;

  @ApiPropertyOptional({ description: 'Sequence number of a pipeline reading' })
  seq?: number;

  @ApiProperty({ description: 'SHA-256 hex of the signed bytes' })
  dataDigest!: string;

  @ApiProperty({ format: 'date-time' })
  measuredAt!: string;

  @ApiProperty({ enum: VERIFIED_METER_STATUSES, description: "The meter's status at measuredAt" })
  meterStatus!: string;

  @ApiPropertyOptional({ description: 'SHA-256 hex of the SPKI DER of the key valid at measuredAt' })
  keyFingerprint?: string;

  @ApiProperty({ type: [String], example: ['PTBMSP', 'InmetroMSP'] })
  attestedBy!: string[];

  @ApiProperty({ example: 'PTBMSP' })
  verifiedBy!: string;

  @ApiProperty({ format: 'date-time' })
  checkedAt!: string;
}

export class VerifyResponseDto extends VerificationRecordDto {
  @ApiProperty()
  valid!: boolean;
}

export class VerifyBatchRequestDto {
  @ApiProperty({ type: [VerifyRequestDto], minItems: 1, maxItems: 1000 })
  checks!: VerifyRequestDto[];
}

export class VerifyBatchResponseDto {
  @ApiProperty({ type: [VerifyResponseDto] })
  results!: VerifyResponseDto[];
}

export class BatchAnchorDto {
  @ApiProperty()
  batchId!: string;

  @ApiProperty({ description: 'RFC 6962 Merkle root (hex) as anchored on the ledger' })
  merkleRoot!: string;

  @ApiProperty()
  size!: number;

  @ApiProperty({ description: 'The Fabric transaction that anchored it' })
  txId!: string;

  @ApiProperty({ format: 'date-time' })
  anchoredAt!: string;
}

export class InclusionProofDto {
  @ApiProperty({ description: 'Position of the leaf in the batch tree' })
  index!: number;

  @ApiProperty()
  treeSize!: number;

  @ApiProperty({ type: [String], description: 'Audit path, hex, leaf to root' })
  path!: string[];
}

export class VerificationRecordResponseDto {
  @ApiProperty({ type: VerificationRecordDto })
  record!: VerificationRecordDto;

  @ApiProperty({ description: 'SHA-256(0x00 ‖ RFC 8785 JSON of record), hex' })
  leafHash!: string;

  @ApiPropertyOptional({
    type: BatchAnchorDto,
    nullable: true,
    description: 'null until the batch is anchored',
  })
  anchor!: BatchAnchorDto | null;

  @ApiPropertyOptional({ type: InclusionProofDto, nullable: true })
  proof!: InclusionProofDto | null;
}

export class ErrorBodyDto {
  @ApiProperty({ example: 'REQUEST_INVALID' })
  code!: string;

  @ApiProperty()
  message!: string;
}
