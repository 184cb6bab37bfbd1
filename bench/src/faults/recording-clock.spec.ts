import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RecordingClock } from './recording-clock';

describe('RecordingClock', () => {
  it('measures the longest stretch without a recorded reading since the restart, the open one included', () => {
    const clock = new RecordingClock();
    clock.recorded(100);
    clock.restart(1000);
    clock.recorded(1200);
    clock.recorded(4200);
    clock.recorded(4300);
    assert.equal(clock.last, 4300);
    assert.equal(clock.longestGap(5000), 3000);
    assert.equal(clock.longestGap(9300), 5000);
  });

  it('ignores events older than the last one', () => {
    const clock = new RecordingClock();
    clock.recorded(500);
    clock.recorded(400);
    assert.equal(clock.last, 500);
  });
});
