import assert from 'node:assert/strict';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { metricsUrl, scrapeMetrics } from './operations-scrape';
import { sampleValue } from './prometheus-text';

describe('scrapeMetrics', () => {
  let server: Server;
  let base = '';
  before(async () => {
    server = createServer((request, response) => {
      if (request.url === '/metrics') {
        response.end(
          '# TYPE ledger_blockchain_height gauge\nledger_blockchain_height{channel="nmichannel"} 42\n',
        );
      } else if (request.url === '/slow/metrics') {
        setTimeout(() => response.end(''), 2_000);
      } else {
        response.statusCode = 500;
        response.end('broken');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('reads an operations endpoint', async () => {
    const url = metricsUrl(base);
    assert.equal(url, `http://${base}/metrics`);
    const samples = await scrapeMetrics(url, 1_000);
    assert.equal(sampleValue(samples, 'ledger_blockchain_height', { channel: 'nmichannel' }), 42);
  });

  it('fails on an error status and on a timeout', async () => {
    await assert.rejects(scrapeMetrics(`http://${base}/other`, 1_000), /HTTP 500/);
    await assert.rejects(scrapeMetrics(`http://${base}/slow/metrics`, 200));
  });

  it('has no URL without an operations endpoint', () => {
    assert.equal(metricsUrl(undefined), undefined);
  });
});
