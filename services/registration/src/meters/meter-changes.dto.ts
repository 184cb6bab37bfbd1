import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// Classes only so that the OpenAPI document describes the bodies; the services validate with the zod schemas of
// @metrochain/contracts (registration-api).

export class RevocationRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 1000, example: 'seal broken at inspection' })
  reason!: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'ISO 8601 with offset; default the transaction time, at most 24 h before it',
  })
  effectiveAt?: string;
}

export class RotationRequestDto {
  @ApiProperty({ description: 'The new ECDSA P-256 public key, SPKI PEM' })
  newPublicKeyPem!: string;
}

export class IssuedRotationDto {
  @ApiProperty({ description: 'The nonce; answer at /meters/rotations/{rotationId}/response' })
  rotationId!: string;

  @ApiProperty()
  meterId!: string;

  @ApiProperty({ description: 'RFC 8785 rotation statement both the old and the new key sign' })
  statement!: string;

  @ApiProperty()
  oldKeyFingerprint!: string;

  @ApiProperty()
  newKeyFingerprint!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}

export class RotationResponseDto {
  @ApiProperty({ description: 'The current key’s signature over `statement`, DER, standard base64' })
  oldKeySignature!: string;

  @ApiProperty({ description: 'The new key’s signature over `statement`, DER, standard base64' })
  newKeySignature!: string;
}
