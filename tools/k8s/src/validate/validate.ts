import { generate } from '../generate/generate';
import { step } from '../log';
import { CheckFailure } from './check';
import { validationChecks } from './checks';
import { toolsUnavailable } from './tools';

/** Runs every check in a row, printing each result; true when all pass. */
export async function validate(): Promise<boolean> {
  const unavailable = toolsUnavailable();
  if (unavailable !== undefined) {
    throw new Error(unavailable);
  }
  const checks = validationChecks();
  let failed = 0;
  step('generated files (npm run k8s -- generate --check)');
  if (!generate(true)) {
    failed += 1;
    step('FAIL generated files differ from their sources: run npm run k8s -- generate');
  }
  for (const check of checks) {
    try {
      await check.run();
      step(`ok   ${check.name}`);
    } catch (error) {
      failed += 1;
      step(`FAIL ${check.name}`);
      process.stdout.write(
        `${error instanceof CheckFailure || error instanceof Error ? error.message : String(error)}\n`,
      );
    }
  }
  process.stdout.write(`validate: ${checks.length + 1 - failed} passed, ${failed} failed\n`);
  return failed === 0;
}
