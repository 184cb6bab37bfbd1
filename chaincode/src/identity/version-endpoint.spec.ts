import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { chaincodeServerVersionSchema } from '@metrochain/contracts';
import { RUNNING_CHAINCODE } from './running-chaincode';
import { chaincodeHttpPort, startVersionEndpoint } from './version-endpoint';

describe('the chaincode server HTTP endpoint', () => {
  let server: Server;
  let base: string;
  before(async () => {
    server = await startVersionEndpoint(RUNNING_CHAINCODE, 0, '127.0.0.1');
    base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  });
  after(() => {
    server.close();
  });

  it('answers GET /version with the running code as the contract library describes it', async () => {
    const response = await fetch(`${base}/version`);
    assert.equal(response.status, 200);
    const version = chaincodeServerVersionSchema.parse(await response.json());
    assert.equal(version.fingerprint, RUNNING_CHAINCODE.fingerprint);
    assert.equal(version.chaincodeVersion, RUNNING_CHAINCODE.chaincodeVersion);
  });

  it('exposes metrochain_chaincode_info{fingerprint,version} 1 in Prometheus text, and /healthz', async () => {
    const metrics = await fetch(`${base}/metrics`);
    assert.match(metrics.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const info = `metrochain_chaincode_info{fingerprint="${RUNNING_CHAINCODE.fingerprint}",version="${RUNNING_CHAINCODE.chaincodeVersion}"} 1`;
    assert.ok((await metrics.text()).split('\n').includes(info));
    assert.deepEqual(await (await fetch(`${base}/healthz`)).json(), { status: 'ok' });
  });

  it('answers other paths with 404 and other methods with 405', async () => {
    assert.equal((await fetch(`${base}/admin`)).status, 404);
    assert.equal((await fetch(`${base}/version`, { method: 'POST' })).status, 405);
  });

  it('listens only when METROCHAIN_CHAINCODE_HTTP_PORT holds a port', () => {
    assert.equal(chaincodeHttpPort({}), undefined);
    assert.equal(chaincodeHttpPort({ METROCHAIN_CHAINCODE_HTTP_PORT: '19050' }), 19050);
    assert.throws(
      () => chaincodeHttpPort({ METROCHAIN_CHAINCODE_HTTP_PORT: 'http' }),
      /must be a port number/,
    );
  });
});
