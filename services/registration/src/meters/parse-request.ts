import type { z } from 'zod';
import { RegistrationErrorCode, registrationError } from './registration-error';

/** Parses an HTTP body or parameter with its API schema; failures are REQUEST_INVALID listing every issue. */
export function parseRequest<Schema extends z.ZodTypeAny>(schema: Schema, value: unknown): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    const summary = issues.map((issue) => `${issue.path || '(value)'}: ${issue.message}`).join('; ');
    throw registrationError(RegistrationErrorCode.REQUEST_INVALID, `invalid request: ${summary}`, { issues });
  }
  return parsed.data as z.output<Schema>;
}
