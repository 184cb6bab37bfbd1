import type { z } from 'zod';
import { describeValidationIssues, validationIssues } from '@metrochain/contracts';
import { RegistrationErrorCode, registrationError } from './registration-error';

/** Parses an HTTP body or parameter with its API schema; failures are REQUEST_INVALID listing every issue. */
export function parseRequest<Schema extends z.ZodTypeAny>(schema: Schema, value: unknown): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = validationIssues(parsed.error);
    const summary = describeValidationIssues(issues);
    throw registrationError(RegistrationErrorCode.REQUEST_INVALID, `invalid request: ${summary}`, { issues });
  }
  return parsed.data as z.output<Schema>;
}
