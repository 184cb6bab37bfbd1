import type { z } from 'zod';
import { describeValidationIssues, validationIssues } from '@metrochain/contracts';
import { LedgerError, LedgerTransportCode } from './ledger-error';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes chaincode output (a transaction result or an event payload) as JSON and validates it with its contract
 * schema, so that a chaincode and a client that disagree fail loudly instead of passing bad data on.
 */
export function decodeJson<Schema extends z.ZodTypeAny>(
  bytes: Uint8Array,
  schema: Schema,
  source: string,
): z.output<Schema> {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch (error) {
    throw invalidResponse(source, 'is not UTF-8 JSON', {}, error);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    throw invalidResponse(source, 'does not match its contract schema', { issues }, parsed.error);
  }
  return parsed.data as z.output<Schema>;
}

function invalidResponse(
  source: string,
  problem: string,
  details: Record<string, unknown>,
  cause: unknown,
): LedgerError {
  return new LedgerError({
    code: LedgerTransportCode.LEDGER_ERROR,
    message: `${source} ${problem}`,
    details: { reason: 'RESPONSE_INVALID', source, ...details },
    cause,
  });
}

/** Validates a request before it is sent; a bad one fails as INVALID_ARGUMENT and nothing reaches the ledger. */
export function validateRequest<Schema extends z.ZodTypeAny>(
  schema: Schema,
  value: unknown,
): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = validationIssues(parsed.error);
    throw new LedgerError({
      code: 'INVALID_ARGUMENT',
      message: `invalid request: ${describeValidationIssues(issues)}`,
      details: { issues },
      cause: parsed.error,
    });
  }
  return parsed.data as z.output<Schema>;
}
