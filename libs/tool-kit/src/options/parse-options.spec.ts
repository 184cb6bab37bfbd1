import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { meterIdSchema } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import { checked, exactlyOne, parseOptions, required } from './parse-options';

const OPTIONS = { meter: { type: 'string' }, data: { type: 'string' }, file: { type: 'string' } } as const;
const usage = (pattern: RegExp) => (error: unknown) =>
  error instanceof DomainError && error.code === 'USAGE' && pattern.test(error.message);

describe('parseOptions', () => {
  it('returns the typed values of known options', () => {
    assert.deepEqual(
      { ...parseOptions(['--meter', 'm-1', '--data=x'], OPTIONS) },
      { meter: 'm-1', data: 'x' },
    );
  });

  it('refuses unknown options, missing values and stray words as USAGE', () => {
    assert.throws(() => parseOptions(['--meter', 'm', '--colour', 'red'], OPTIONS), usage(/--colour/));
    assert.throws(() => parseOptions(['--meter'], OPTIONS), usage(/--meter/));
    assert.throws(() => parseOptions(['m-1'], OPTIONS), usage(/m-1/));
  });
});

describe('option helpers', () => {
  it('require a non-empty value', () => {
    assert.equal(required('x', 'meter'), 'x');
    assert.throws(() => required(undefined, 'meter'), usage(/--meter is required/));
    assert.throws(() => required('', 'meter'), usage(/--meter is required/));
  });

  it('want exactly one of two alternatives', () => {
    assert.equal(exactlyOne({ data: 'x' }, 'data', 'file'), 'first');
    assert.equal(exactlyOne({ file: 'f' }, 'data', 'file'), 'second');
    assert.throws(() => exactlyOne({}, 'data', 'file'), usage(/exactly one of --data and --file/));
    assert.throws(() => exactlyOne({ data: '', file: 'f' }, 'data', 'file'), usage(/exactly one/));
  });

  it('check values against the API schemas before any request', () => {
    assert.equal(checked(meterIdSchema, 'meter-1', 'meter'), 'meter-1');
    assert.throws(() => checked(meterIdSchema, 'a meter', 'meter'), usage(/^--meter: expected a meter id/));
  });
});
