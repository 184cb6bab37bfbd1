import { ChaincodeError } from './chaincode-error';

export type ValidationIssue = Readonly<{ path: readonly PropertyKey[]; message: string }>;
export type ValidationResult<T> =
  | Readonly<{ success: true; data: T }>
  | Readonly<{ success: false; error: Readonly<{ issues: readonly ValidationIssue[] }> }>;
/** Anything with zod's `safeParse`; the chaincode does not depend on zod itself, only on the contract schemas. */
export type Validator<T> = Readonly<{ safeParse: (value: unknown) => ValidationResult<T> }>;

/** Validates a transaction argument; fails with INVALID_ARGUMENT naming every offending path. */
export function validateArgument<T>(validator: Validator<T>, value: unknown, what: string): T {
  const result = validator.safeParse(value);
  if (result.success) {
    return result.data;
  }
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const summary = issues.map((issue) => `${issue.path || '(value)'}: ${issue.message}`).join('; ');
  throw new ChaincodeError('INVALID_ARGUMENT', `invalid ${what}: ${summary}`, { issues });
}

/** Parses a JSON transaction argument and validates it. */
export function parseJsonArgument<T>(validator: Validator<T>, json: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ChaincodeError('INVALID_ARGUMENT', `invalid ${what}: not JSON`);
  }
  return validateArgument(validator, value, what);
}
