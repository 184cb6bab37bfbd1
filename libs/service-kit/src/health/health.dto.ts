import { createZodDto } from 'nestjs-zod';
import { readinessReportSchema } from '../readiness/readiness';
import { livenessSchema } from './liveness';

// OpenAPI shapes generated from the zod schemas the health handlers' answers are typed by.

export class LivenessDto extends createZodDto(livenessSchema) {}
export class ReadinessReportDto extends createZodDto(readinessReportSchema) {}
