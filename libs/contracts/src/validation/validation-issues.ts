import type { ZodError } from 'zod';

/** One problem of a value checked against a contract schema: where (dotted path) and what. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** Every issue of a failed parse, flattened, so that an answer names all offending fields at once. */
export function validationIssues(error: ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** `path: message; …`, with `(value)` for the value itself. */
export function describeValidationIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `${issue.path || '(value)'}: ${issue.message}`).join('; ');
}
