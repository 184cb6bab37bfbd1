import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isAllowed, parseAllowances, readAllowances } from './kube-score-allow';

const finding = {
  check: 'container-image-pull-policy',
  target: 'metrochain-nmi',
  object: 'StatefulSet/ptb-peer',
};

describe('kube-score allowances', () => {
  test('the committed list parses and gives every entry a reason', () => {
    const allowances = readAllowances();
    assert.ok(allowances.every((allowance) => allowance.reason.length > 20));
  });

  test('match by check id, then optionally by target and object globs', () => {
    const allowances = parseAllowances(
      [
        'allow:',
        '  - check: container-image-pull-policy',
        '    target: metrochain-*',
        '    object: StatefulSet/*-peer',
        '    reason: pinned images',
      ].join('\n'),
      'test',
    );
    assert.equal(isAllowed(allowances, finding), true);
    assert.equal(isAllowed(allowances, { ...finding, target: 'overlay/dev' }), false);
    assert.equal(isAllowed(allowances, { ...finding, object: 'Deployment/ptb-peer' }), false);
    assert.equal(isAllowed(allowances, { ...finding, check: 'pod-networkpolicy' }), false);
  });

  test('globs are not regular expressions', () => {
    const allowances = parseAllowances('allow:\n  - { check: c, object: "Job/a.b", reason: r }\n', 'test');
    assert.equal(isAllowed(allowances, { check: 'c', target: 't', object: 'Job/a.b' }), true);
    assert.equal(isAllowed(allowances, { check: 'c', target: 't', object: 'Job/axb' }), false);
  });

  test('refuse an entry without a reason or with an unknown key', () => {
    assert.throws(() => parseAllowances('allow:\n  - check: c\n', 'f'), /needs a check and a reason/);
    assert.throws(
      () => parseAllowances('allow:\n  - { check: c, reason: r, chart: x }\n', 'f'),
      /unknown keys chart/,
    );
    assert.throws(() => parseAllowances('allow: {}\n', 'f'), /must be a list/);
  });
});
