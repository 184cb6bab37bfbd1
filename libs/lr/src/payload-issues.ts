import type { z } from 'zod';

/** The first schema issue as one line: enough for a meter operator to see what is wrong. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) {
    return 'invalid payload';
  }
  const where = issue.path.length === 0 ? 'payload' : issue.path.join('.');
  return `${where}: ${issue.message}`;
}
