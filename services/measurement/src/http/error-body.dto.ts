import { ApiProperty } from '@nestjs/swagger';

// Classes only so that the OpenAPI document describes the bodies; the API validates with the zod schemas.

export class ErrorBodyDto {
  @ApiProperty({ example: 'REQUEST_INVALID' })
  code!: string;

  @ApiProperty()
  message!: string;
}
