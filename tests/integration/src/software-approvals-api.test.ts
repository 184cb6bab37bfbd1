import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { defaultNetworkFile } from '@metrochain/config';
import {
  AuditApiPaths,
  lrApprovalSchema,
  serviceVersionSchema,
  softwareApprovalResponseSchema,
} from '@metrochain/contracts';
import { CHAINCODE_BUNDLE_DIR, type Topology, readBundleFingerprint, statePaths } from '@metrochain/devnet';
import { serverVersion } from './support/extra-chaincode';
import { bearer, tokenOf } from './support/principals';

interface ServiceEntry {
  org: string;
  url: string;
}

function serviceInstances(): Record<string, ServiceEntry[]> {
  return (
    JSON.parse(readFileSync(defaultNetworkFile(), 'utf8')) as { services: Record<string, ServiceEntry[]> }
  ).services;
}

function auditUrl(): string {
  const audit = serviceInstances()['audit']?.[0];
  assert.ok(audit, 'the devnet runs an audit service');
  return audit.url;
}

async function call(
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${auditUrl()}${path}`, {
    method,
    headers: { ...bearer(token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/**
 * What a notified body and the public see of LR software identity on the running network: every service and every
 * chaincode server names the built bundle's fingerprint at /version, and approvals go through the audit API.
 */
describe('LR software identity and the approvals API', () => {
  const built = readBundleFingerprint(CHAINCODE_BUNDLE_DIR).fingerprint;

  it('every service and every chaincode server states the running build at /version, anonymously', async () => {
    for (const [service, instances] of Object.entries(serviceInstances())) {
      for (const instance of instances) {
        const response = await fetch(`${instance.url}/version`);
        assert.equal(response.status, 200, `${service}@${instance.org}`);
        const version = serviceVersionSchema.parse(await response.json());
        assert.equal(version.service, service);
        assert.equal(version.lrFingerprint, built, `${service}@${instance.org}`);
      }
    }
    const topology = JSON.parse(readFileSync(statePaths().topologyFile, 'utf8')) as Topology;
    for (const org of topology.orgs) {
      const running = await serverVersion(`http://127.0.0.1:${String(org.chaincodeServer.httpPort)}`);
      assert.equal(running.fingerprint, built, org.name);
      assert.equal(running.bundled, true);
    }
  });

  it('lists the running build as approved for every meter kind, publicly', async () => {
    const { status, json } = await call('GET', AuditApiPaths.softwareApprovals, undefined);
    assert.equal(status, 200);
    const approvals = lrApprovalSchema.array().parse(json);
    const kinds = approvals
      .filter((approval) => approval.fingerprint === built && approval.status === 'approved')
      .map((approval) => approval.meterKind)
      .sort();
    assert.deepEqual(kinds, ['energy', 'energy-fe', 'speed']);
  });

  it('lets an auditor approve a build and withdraw it with a reason; others are refused and nothing changes', async () => {
    const fingerprint = randomBytes(32).toString('hex');
    const body = { version: `0.0.0-test.${fingerprint.slice(0, 12)}`, fingerprint, meterKinds: ['speed'] };
    const anonymous = await call('POST', AuditApiPaths.softwareApprovals, undefined, body);
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.json['code'], 'UNAUTHENTICATED');
    const manufacturer = await call('POST', AuditApiPaths.softwareApprovals, tokenOf('acme-meters'), body);
    assert.equal(manufacturer.status, 403);
    const bad = await call('POST', AuditApiPaths.softwareApprovals, tokenOf('auditor-ptb'), {
      ...body,
      meterKinds: ['water'],
    });
    assert.equal(bad.status, 400);
    const listed = async (): Promise<unknown[]> =>
      lrApprovalSchema
        .array()
        .parse((await call('GET', AuditApiPaths.softwareApprovals, undefined)).json)
        .filter((approval) => approval.fingerprint === fingerprint);
    assert.deepEqual(await listed(), [], 'a refused approval writes nothing');

    const approved = await call('POST', AuditApiPaths.softwareApprovals, tokenOf('auditor-ptb'), body);
    assert.equal(approved.status, 200, JSON.stringify(approved.json));
    const result = softwareApprovalResponseSchema.parse(approved.json);
    assert.deepEqual(
      result.approvals.map((approval) => [approval.meterKind, approval.status]),
      [['speed', 'approved']],
    );
    const withdrawPath = AuditApiPaths.softwareWithdrawal
      .replace(':fingerprint', fingerprint)
      .replace(':meterKind', 'speed');
    const noReason = await call('POST', withdrawPath, tokenOf('auditor-ptb'), {});
    assert.equal(noReason.status, 400);
    const withdrawn = await call('POST', withdrawPath, tokenOf('auditor-ptb'), {
      reason: 'test: superseded',
    });
    assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.json));
    const [record] = (await listed()) as { status: string; reason?: string }[];
    assert.equal(record?.status, 'withdrawn');
    assert.equal(record.reason, 'test: superseded');
    const again = await call('POST', AuditApiPaths.softwareApprovals, tokenOf('auditor-ptb'), body);
    assert.equal(again.status, 422);
    assert.equal(again.json['code'], 'APPROVAL_WITHDRAWN');
  });
});
