import { ApiProperty } from '@nestjs/swagger';

// Classes only so that the OpenAPI document describes the answer; the schema is lifecyclePublisherStatusSchema.

export class PublishedEventDto {
  @ApiProperty()
  txId!: string;

  @ApiProperty()
  blockNumber!: number;

  @ApiProperty({ format: 'date-time' })
  publishedAt!: string;
}

export class LifecyclePublisherStatusDto {
  @ApiProperty({ example: 'PTB-host-3001' })
  instanceId!: string;

  @ApiProperty({ example: 'PTBMSP' })
  msp!: string;

  @ApiProperty({ description: 'Whether this instance competes for the lease at all' })
  enabled!: boolean;

  @ApiProperty({ description: 'Whether this instance holds the lease now' })
  leading!: boolean;

  @ApiProperty({ type: PublishedEventDto, nullable: true, description: 'Last event this process published' })
  lastPublished!: PublishedEventDto | null;
}
