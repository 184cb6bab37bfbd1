import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newNonce } from './nonce';

describe('newNonce', () => {
  it('issues 32 random bytes in canonical base64url, different each time', () => {
    const nonces = new Set(Array.from({ length: 64 }, () => newNonce()));
    assert.equal(nonces.size, 64);
    for (const nonce of nonces) {
      assert.match(nonce, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(Buffer.from(nonce, 'base64url').length, 32);
      assert.equal(Buffer.from(nonce, 'base64url').toString('base64url'), nonce);
    }
  });

  it('draws again rather than issue a nonce starting with "-", which a command line reads as an option', () => {
    // 0xf8 encodes as '-' first in base64url; the second draw starts with 'A'.
    const draws = [Buffer.alloc(32, 0xf8), Buffer.alloc(32, 0)];
    assert.equal(Buffer.alloc(32, 0xf8).toString('base64url').startsWith('-'), true);
    assert.equal(
      newNonce(() => draws.shift() ?? Buffer.alloc(32, 1)),
      Buffer.alloc(32, 0).toString('base64url'),
    );
  });
});
