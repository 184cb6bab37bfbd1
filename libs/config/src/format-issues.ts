import type { ZodIssue } from 'zod';

export interface ConfigIssue {
  path: string;
  message: string;
}

/** Flattens zod issues to `path: message` pairs so that an operator sees every bad setting at once. */
export function toConfigIssues(issues: readonly ZodIssue[]): ConfigIssue[] {
  return issues.map((issue) => ({
    path: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

export function describeIssues(issues: readonly ConfigIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
}
