import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatReadingId, parseReadingId, readingIdSchema } from './measurement-api';

const DIGEST = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';

describe('reading ids', () => {
  it('round-trips meter ids that contain dots and colons', () => {
    const id = formatReadingId('ptb:speed.7', 42, DIGEST);
    assert.equal(id, 'ptb:speed.7~42~a1b2c3d4e5f60718');
    assert.deepEqual(parseReadingId(id), {
      meterId: 'ptb:speed.7',
      seq: 42,
      digestPrefix: 'a1b2c3d4e5f60718',
    });
    assert.equal(readingIdSchema.safeParse(id).success, true);
  });

  it('refuses ids that are not one', () => {
    for (const id of [
      'm~1',
      'm~01~a1b2c3d4e5f60718',
      'm~1~A1B2C3D4E5F60718',
      '~1~a1b2c3d4e5f60718',
      'm~1~a1b2',
    ]) {
      assert.equal(parseReadingId(id), undefined, id);
      assert.equal(readingIdSchema.safeParse(id).success, false, id);
    }
  });
});
