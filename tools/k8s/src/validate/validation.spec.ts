import { test } from 'node:test';
import { validationChecks } from './checks';
import { inCi, toolsUnavailable } from './tools';

// One test per chart × profile × tool and per overlay × tool, so the unit summary counts them.
const unavailable = toolsUnavailable();
const checks = validationChecks();

if (unavailable !== undefined && inCi()) {
  test('Kubernetes validation tools are installed', () => {
    throw new Error(unavailable);
  });
} else if (checks.length === 0) {
  test.skip('no chart under charts/ and no resource under k8s/ yet');
} else {
  for (const check of checks) {
    test(check.name, { skip: unavailable ?? false }, () => check.run());
  }
}
