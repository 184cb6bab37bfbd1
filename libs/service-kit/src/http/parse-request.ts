import type { z } from 'zod';
import { PlatformErrorCode, describeValidationIssues, validationIssues } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';

/**
 * Parses an HTTP body, parameter or query with its API schema; failures are REQUEST_INVALID (400) listing every
 * issue. For handlers that validate themselves rather than through a DTO.
 */
export function parseRequest<Schema extends z.ZodTypeAny>(schema: Schema, value: unknown): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = validationIssues(parsed.error);
    throw new DomainError({
      code: PlatformErrorCode.REQUEST_INVALID,
      message: `invalid request: ${describeValidationIssues(issues)}`,
      details: { issues },
    });
  }
  return parsed.data as z.output<Schema>;
}
