import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { describeValidationIssues, validationIssues } from './validation-issues';

describe('validation issues', () => {
  it('names every offending field by its dotted path, and the value itself as (value)', () => {
    const schema = z.object({ a: z.string(), b: z.array(z.number()) });
    const nested = schema.safeParse({ a: 1, b: [1, 'x'] });
    assert.ok(nested.error !== undefined);
    const issues = validationIssues(nested.error);
    assert.deepEqual(
      issues.map((issue) => issue.path),
      ['a', 'b.1'],
    );
    assert.match(describeValidationIssues(issues), /^a: .+; b\.1: .+$/);
    const root = z.string().safeParse(5);
    assert.ok(root.error !== undefined);
    assert.match(describeValidationIssues(validationIssues(root.error)), /^\(value\): /);
  });
});
