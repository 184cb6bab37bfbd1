import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newClusterId } from './kafka';

describe('newClusterId', () => {
  it('draws again when the id would start with "-", which the storage tool reads as an option', () => {
    // 0xf8 encodes as '-' first in base64url; the second draw starts with 'A'.
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0)];
    const id = newClusterId(() => draws.shift() ?? Buffer.alloc(16, 1));
    assert.equal(id, Buffer.alloc(16, 0).toString('base64url'));
    assert.equal(Buffer.alloc(16, 0xf8).toString('base64url').startsWith('-'), true);
  });

  it('makes 22-character base64url ids', () => {
    for (let i = 0; i < 200; i += 1) {
      assert.match(newClusterId(), /^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    }
  });
});
