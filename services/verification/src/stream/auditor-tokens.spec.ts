import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { isDomainError } from '@metrochain/errors';
import { type AuditorCredential, AuditorTokens, auditorTokensSchema } from './auditor-tokens';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const TOKEN_PTB = 'nYtRMovqqcALNj7QjK0whR6UK7NFRzOi2eHuFidvBPo';
const TOKEN_CMI = '0JZxeFW-cQC-HnKWEvdWJUkhlS-WVvFvpGGpXoQujFk';
const ENV = `auditor-ptb:${sha256(TOKEN_PTB)},auditor-cmi:${sha256(TOKEN_CMI)}`;

function parse(value: string | undefined): AuditorCredential[] {
  return auditorTokensSchema.parse(value);
}

function hasCode(code: string): (error: unknown) => boolean {
  return (error: unknown) => isDomainError(error) && error.code === code;
}

describe('auditorTokensSchema', () => {
  it('reads name:sha256hex pairs into names and digests', () => {
    const credentials = parse(` ${ENV.replace(',', ' , ')} `);
    assert.deepEqual(
      credentials.map((credential) => [credential.name, credential.digest.toString('hex')]),
      [
        ['auditor-ptb', sha256(TOKEN_PTB)],
        ['auditor-cmi', sha256(TOKEN_CMI)],
      ],
    );
  });

  it('accepts upper-case hex', () => {
    assert.equal(parse(`a:${sha256('x').toUpperCase()}`)[0]?.digest.toString('hex'), sha256('x'));
  });

  it('reads absent or blank as no auditor', () => {
    assert.deepEqual(parse(undefined), []);
    assert.deepEqual(parse('  '), []);
  });

  it('refuses malformed and repeated entries, naming each', () => {
    const bad: readonly [string, RegExp][] = [
      [`auditor-ptb:${sha256('x').slice(1)}`, /entry 1: expected name:sha256hex/],
      [`auditor-ptb ${sha256('x')}`, /entry 1/],
      [`a:${sha256('x')},`, /entry 2/],
      [`a:${sha256('x')},b:${sha256('x')},a:${sha256('y')}`, /entry 3: a appears twice/],
      [`:${sha256('x')}`, /entry 1/],
      [`a b:${sha256('x')}`, /entry 1/],
    ];
    for (const [value, message] of bad) {
      const parsed = auditorTokensSchema.safeParse(value);
      assert.equal(parsed.success, false, value);
      assert.match(parsed.error.issues.map((issue) => issue.message).join('; '), message);
    }
  });
});

describe('AuditorTokens.authenticate', () => {
  const auditors = new AuditorTokens(parse(ENV));

  it('names the auditor whose token is presented', () => {
    assert.equal(auditors.authenticate(`Bearer ${TOKEN_PTB}`), 'auditor-ptb');
    assert.equal(auditors.authenticate(`Bearer ${TOKEN_CMI}`), 'auditor-cmi');
  });

  it('takes the scheme in any case, as RFC 6750 allows', () => {
    assert.equal(auditors.authenticate(`bearer ${TOKEN_PTB}`), 'auditor-ptb');
  });

  it('refuses a missing, malformed or unknown token with UNAUTHENTICATED', () => {
    const headers = [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      TOKEN_PTB,
      `Basic ${TOKEN_PTB}`,
      `Bearer ${TOKEN_PTB} extra`,
      `Bearer ${TOKEN_PTB}x`,
      `Bearer ${sha256(TOKEN_PTB)}`,
    ];
    for (const header of headers) {
      assert.throws(() => auditors.authenticate(header), hasCode('UNAUTHENTICATED'), String(header));
    }
  });

  it('answers STREAM_DISABLED when no auditor is configured, whatever the token', () => {
    const none = new AuditorTokens([]);
    assert.equal(none.enabled, false);
    assert.throws(() => none.authenticate(`Bearer ${TOKEN_PTB}`), hasCode('STREAM_DISABLED'));
    assert.throws(() => none.authenticate(undefined), hasCode('STREAM_DISABLED'));
  });
});
