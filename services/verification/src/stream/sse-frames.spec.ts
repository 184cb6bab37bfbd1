import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { verificationsV1ValueSchema } from '@metrochain/contracts';
import { SseFrames } from './sse-frames';
import { verificationRecord } from './stream-fixtures';

describe('SseFrames', () => {
  it('frames a record as id, event and one data line of its JSON, ended by a blank line', () => {
    const record = verificationRecord({ index: 7, outcome: 'invalid' });
    const frame = SseFrames.verification(record);
    assert.ok(frame.endsWith('\n\n'));
    const lines = frame.slice(0, -2).split('\n');
    assert.deepEqual(lines.slice(0, 2), ['id: vb-PTBMSP-spec-1.7', 'event: verification']);
    assert.equal(lines.length, 3);
    assert.ok(lines[2]?.startsWith('data: '));
    assert.deepEqual(verificationsV1ValueSchema.parse(JSON.parse(lines[2]?.slice(6) ?? '')), record);
  });

  it('announces the reconnection delay, keeps alive with a comment, and names an overflow', () => {
    assert.equal(SseFrames.retry(2000), 'retry: 2000\n\n');
    assert.equal(SseFrames.keepAlive, ': keep-alive\n\n');
    assert.match(SseFrames.overflow, /^event: overflow\ndata: \{.*\}\n\n$/);
  });
});
