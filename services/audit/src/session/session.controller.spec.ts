import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sessionCookie } from './session.controller';

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Strict, for the whole site, with a lifetime, and Secure behind TLS', () => {
    assert.equal(
      sessionCookie('a.b.c', 60, false),
      'mc_session=a.b.c; HttpOnly; SameSite=Strict; Path=/; Max-Age=60',
    );
    assert.equal(
      sessionCookie('a.b.c', 60, true),
      'mc_session=a.b.c; HttpOnly; SameSite=Strict; Path=/; Max-Age=60; Secure',
    );
  });

  it('is cleared by an empty value that expires at once', () => {
    assert.match(sessionCookie('', 0, false), /^mc_session=; .*Max-Age=0$/);
  });
});
