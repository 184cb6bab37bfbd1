import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { METER_STATUSES, type MeterStatus } from '@metrochain/contracts';

// Classes only so that the OpenAPI document describes the bodies; the service validates with the zod schemas.

export class RegistrationRequestDto {
  @ApiProperty({ example: 'meter-0001' })
  meterId!: string;

  @ApiProperty({ example: 'EM-340 Rev.2' })
  model!: string;

  @ApiProperty({ description: 'ECDSA P-256 public key, SPKI PEM' })
  publicKeyPem!: string;
}

export class IssuedChallengeDto {
  @ApiProperty({ description: 'The nonce; answer at /meters/registrations/{challengeId}/response' })
  challengeId!: string;

  @ApiProperty({
    description: 'The same nonce as `challengeId`, under the name clients use for registrations',
  })
  registrationId!: string;

  @ApiProperty({
    description: 'RFC 8785 attestation statement the meter signs (ECDSA-P256-SHA256, DER, base64)',
  })
  statement!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}

export class ChallengeResponseDto {
  @ApiProperty({ description: "The meter's signature over `statement`, DER, standard base64" })
  signature!: string;
}

export class AttestationDto {
  @ApiProperty({ example: 'PTBMSP' })
  msp!: string;

  @ApiProperty()
  keyFingerprint!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty()
  txId!: string;
}

export class MeterKeyDto {
  @ApiProperty()
  keyFingerprint!: string;

  @ApiProperty()
  publicKeyPem!: string;

  @ApiProperty({ format: 'date-time' })
  validFrom!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Absent for the current key' })
  validTo?: string;
}

export class RevocationRecordDto {
  @ApiProperty()
  reason!: string;

  @ApiProperty({ format: 'date-time', description: 'Signatures over data measured from then on fail' })
  effectiveAt!: string;

  @ApiProperty({ example: 'PTBMSP' })
  by!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty()
  txId!: string;
}

export class MeterRecordDto {
  @ApiProperty()
  meterId!: string;

  @ApiProperty()
  model!: string;

  @ApiProperty({ enum: METER_STATUSES })
  status!: MeterStatus;

  @ApiProperty()
  publicKeyPem!: string;

  @ApiProperty()
  keyFingerprint!: string;

  @ApiProperty({ type: [MeterKeyDto] })
  keyHistory!: MeterKeyDto[];

  @ApiProperty({ type: [AttestationDto] })
  attestations!: AttestationDto[];

  @ApiPropertyOptional({ format: 'date-time' })
  activatedAt?: string;

  @ApiPropertyOptional({ type: RevocationRecordDto })
  revocation?: RevocationRecordDto;
}

/** The record after a write by this NMI, with its transaction. */
export class CommittedMeterDto extends MeterRecordDto {
  @ApiProperty()
  transactionId!: string;

  @ApiProperty({ description: 'Block number as a decimal string' })
  blockNumber!: string;
}
