import { ApiProperty } from '@nestjs/swagger';
import type { ErrorBody } from '@metrochain/contracts';

/** OpenAPI shape of the one error body every service answers with (`errorBodySchema` in libs/contracts). */
export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ example: 'UNAUTHENTICATED' })
  code!: string;

  @ApiProperty({ example: 'a bearer token is required' })
  message!: string;
}
