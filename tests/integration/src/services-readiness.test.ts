import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectStatus } from '@metrochain/devnet';

interface ReadyBody {
  status: string;
  checks: Record<'kafka' | 'redis' | 'ledger', { status: string; detail?: string }>;
  failing: string[];
}

describe('the five services on the running network', () => {
  it('each report ready, with Kafka, Redis and their own Fabric identity up', async () => {
    const services = (await collectStatus()).filter((row) => row.kind === 'service');
    assert.deepEqual(services.map((s) => s.name).sort(), [
      'service-audit',
      'service-billing',
      'service-measurement',
      'service-registration-inmetro',
      'service-registration-ptb',
      'service-verification',
    ]);
    // PTB's registration on 3001, Inmetro's on 3011; one instance of each other service.
    for (const port of [3001, 3011, 3002, 3003, 3004, 3005]) {
      const response = await fetch(`http://127.0.0.1:${String(port)}/health/ready`);
      const body = (await response.json()) as ReadyBody;
      assert.equal(response.status, 200, `service on ${String(port)}: ${JSON.stringify(body)}`);
      assert.equal(body.status, 'ready');
      assert.deepEqual(body.failing, []);
      assert.equal(body.checks.ledger.status, 'up');
      assert.equal(body.checks.kafka.status, 'up');
      assert.equal(body.checks.redis.status, 'up');
    }
  });

  it('serve their OpenAPI document', async () => {
    const response = await fetch('http://127.0.0.1:3003/docs-json');
    assert.equal(response.status, 200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    assert.match(document.openapi, /^3\./);
    assert.ok('/health/ready' in document.paths);
  });
});
