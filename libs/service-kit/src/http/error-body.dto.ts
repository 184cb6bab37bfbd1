import { errorBodySchema } from '@metrochain/contracts';
import { createZodDto } from 'nestjs-zod';

/** OpenAPI shape of the one error body every service answers with, generated from `errorBodySchema`. */
export class ErrorBodyDto extends createZodDto(errorBodySchema) {}
