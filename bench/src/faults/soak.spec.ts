import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type SoakSample, judgeSoak, redisBytesPerKeyAdded } from './soak';

/** An hour of samples: Redis gains 100 status keys a second at `bytesPerKey`; `service` grows `serviceMbPerMin`. */
function hour(bytesPerKey: (minute: number) => number, serviceMbPerMin: number): SoakSample[] {
  let usedMb = 2;
  return Array.from({ length: 60 }, (_, minute) => {
    usedMb += (6_000 * bytesPerKey(minute)) / 2 ** 20;
    return {
      at: minute * 60_000,
      rssMb: { redis: 10 + usedMb, service: 300 + serviceMbPerMin * minute },
      openFiles: { redis: 15, service: 40 },
      kafkaLag: 200,
      redisUsedMb: usedMb,
      redisKeys: 500 + 6_000 * minute,
    };
  });
}

const verdictOf = (samples: readonly SoakSample[], series: string): boolean | undefined =>
  judgeSoak(samples).find((verdict) => verdict.series === series)?.bounded;

describe('judgeSoak', () => {
  it("judges Redis by its memory per key added, not by its RSS, which grows with every reading's status", () => {
    const samples = hour(() => 750, 0);
    assert.equal(verdictOf(samples, 'redis RSS MB'), undefined);
    assert.equal(verdictOf(samples, 'Redis bytes per key added'), true);
    assert.equal(verdictOf(samples, 'service RSS MB'), true);
    assert.ok(
      redisBytesPerKeyAdded(samples)
        .slice(1)
        .every((bytes) => Math.abs(bytes - 750) <= 1),
    );
  });

  it('fails when each key costs more and more (a key that grows), or a process grows at a steady load', () => {
    assert.equal(
      verdictOf(
        hour((minute) => 750 * (1 + minute / 10), 0),
        'Redis bytes per key added',
      ),
      false,
    );
    assert.equal(
      verdictOf(
        hour(() => 750, 10),
        'service RSS MB',
      ),
      false,
    );
  });
});
