import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { javaStringHash, offsetsPartitionOf } from './group-coordinator';

describe('the group coordinator as Kafka places it', () => {
  it("hashes like Java's String.hashCode, wrapping at 32 bits", () => {
    // Values of "".hashCode(), "a".hashCode(), "hello".hashCode() and "polygenelubricants".hashCode() in Java.
    assert.equal(javaStringHash(''), 0);
    assert.equal(javaStringHash('a'), 97);
    assert.equal(javaStringHash('hello'), 99_162_322);
    assert.equal(javaStringHash('polygenelubricants'), -2_147_483_648);
  });

  it('maps a group to abs(hash) mod the partitions, MIN_VALUE to 0 as Utils.abs does', () => {
    assert.equal(offsetsPartitionOf('hello', 50), 99_162_322 % 50);
    assert.equal(offsetsPartitionOf('polygenelubricants', 50), 0);
    for (const group of ['measurement-recorder', 'verification', 'x']) {
      const partition = offsetsPartitionOf(group, 50);
      assert.ok(partition >= 0 && partition < 50);
    }
  });
});
