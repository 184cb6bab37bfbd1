import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DependencyHealth, aggregateReadiness } from './readiness';

const up: DependencyHealth = { status: 'up' };

describe('aggregateReadiness', () => {
  it('is ready when Kafka, Redis and the ledger are all up', () => {
    assert.deepEqual(aggregateReadiness({ kafka: up, redis: up, ledger: up }), {
      status: 'ready',
      checks: { kafka: up, redis: up, ledger: up },
      failing: [],
    });
  });

  for (const name of ['kafka', 'redis', 'ledger'] as const) {
    it(`is not ready and names ${name} when only ${name} is down`, () => {
      const down: DependencyHealth = { status: 'down', detail: `${name} refused` };
      const report = aggregateReadiness({ kafka: up, redis: up, ledger: up, [name]: down });
      assert.equal(report.status, 'not_ready');
      assert.deepEqual(report.failing, [name]);
      assert.deepEqual(report.checks[name], down);
    });
  }

  it('names every failing check in report order', () => {
    const down: DependencyHealth = { status: 'down' };
    const report = aggregateReadiness({ ledger: down, redis: up, kafka: down });
    assert.deepEqual(report.failing, ['kafka', 'ledger']);
    assert.deepEqual(Object.keys(report.checks), ['kafka', 'redis', 'ledger']);
  });

  it('is degraded, and says why, when every dependency is up but a feature holds back work', () => {
    const hold = { name: 'recorder', detail: 'LR_NOT_APPROVED for speed' };
    assert.deepEqual(aggregateReadiness({ kafka: up, redis: up, ledger: up }, [hold]), {
      status: 'degraded',
      checks: { kafka: up, redis: up, ledger: up },
      failing: [],
      degraded: [hold],
    });
    const down: DependencyHealth = { status: 'down' };
    assert.equal(aggregateReadiness({ kafka: down, redis: up, ledger: up }, [hold]).status, 'not_ready');
  });
});
