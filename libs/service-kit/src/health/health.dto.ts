import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  READINESS_CHECKS,
  type DependencyHealth,
  type ReadinessCheckName,
  type ReadinessReport,
} from '../readiness/readiness';

// Classes only so that the OpenAPI document describes the health bodies; handlers return the plain interfaces.

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}

export class DependencyHealthDto implements DependencyHealth {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiPropertyOptional({ example: 'PONG in 1 ms' })
  detail?: string;
}

export class ReadinessChecksDto {
  @ApiProperty({ type: DependencyHealthDto })
  kafka!: DependencyHealthDto;

  @ApiProperty({ type: DependencyHealthDto })
  redis!: DependencyHealthDto;

  @ApiProperty({ type: DependencyHealthDto })
  ledger!: DependencyHealthDto;
}

export class ReadinessReportDto implements ReadinessReport {
  @ApiProperty({ enum: ['ready', 'not_ready'] })
  status!: 'ready' | 'not_ready';

  @ApiProperty({ type: ReadinessChecksDto })
  checks!: ReadinessChecksDto;

  @ApiProperty({ enum: READINESS_CHECKS, isArray: true })
  failing!: ReadinessCheckName[];
}
