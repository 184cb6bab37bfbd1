import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  type LrApproval,
  type SoftwareApprovalRequest,
  type SoftwareWithdrawalRequest,
  lrApprovalSchema,
  softwareApprovalResponseSchema,
} from '@metrochain/contracts';
import { LedgerError } from '@metrochain/ledger';
import { createLogger } from '@metrochain/observability';
import { createHttpApp } from '@metrochain/service-kit';
import { accessSpecProviders, newTestIssuer } from '@metrochain/service-kit/testing';
import { auditHttpStatus } from '../http/audit-http-status';
import { SoftwareApprovalsController } from './software-approvals.controller';
import { type SoftwareGovernance, SoftwareApprovalsService } from './software-approvals.service';

const FINGERPRINT = 'a'.repeat(64);
const APPROVAL: LrApproval = {
  version: '0.1.0',
  fingerprint: FINGERPRINT,
  meterKind: 'speed',
  notifiedBody: 'auditor-ptb',
  status: 'approved',
  approvedBy: 'PTBMSP',
  approvedAt: '2026-12-02T21:00:00.000Z',
  approvedTxId: 'tx-1',
};

/** The governance contract as the audit identity sees it: records the calls, answers like the chaincode. */
class FakeGovernance implements SoftwareGovernance {
  approvals: SoftwareApprovalRequest[] = [];
  withdrawals: SoftwareWithdrawalRequest[] = [];
  refuse: LedgerError | undefined;

  approveSoftwareVersion(
    request: SoftwareApprovalRequest,
  ): ReturnType<SoftwareGovernance['approveSoftwareVersion']> {
    this.approvals.push(request);
    if (this.refuse !== undefined) {
      return Promise.reject(this.refuse);
    }
    const record = {
      version: request.version,
      fingerprint: request.fingerprint,
      notifiedBody: request.notifiedBody,
      approvedBy: 'PTBMSP',
      approvedAt: APPROVAL.approvedAt,
      txId: 'tx-1',
    };
    const approvals = request.meterKinds.map((meterKind) => ({ ...APPROVAL, meterKind }));
    return Promise.resolve({ software: record, approvals, transactionId: 'tx-1', blockNumber: 7n });
  }

  withdrawSoftwareApproval(
    request: SoftwareWithdrawalRequest,
  ): ReturnType<SoftwareGovernance['withdrawSoftwareApproval']> {
    this.withdrawals.push(request);
    if (request.meterKind !== 'speed') {
      return Promise.reject(new LedgerError({ code: 'NOT_FOUND', message: 'not approved for energy' }));
    }
    return Promise.resolve({
      ...APPROVAL,
      status: 'withdrawn',
      reason: request.reason,
      transactionId: 'tx-2',
      blockNumber: 8n,
    });
  }

  listSoftwareApprovals(): Promise<LrApproval[]> {
    return Promise.resolve([APPROVAL]);
  }
}

describe('audit API: software approvals', () => {
  const governance = new FakeGovernance();
  const tokens: Record<string, string> = {};
  let app: NestFastifyApplication;
  let base = '';

  before(async () => {
    const issuer = await newTestIssuer();
    tokens['auditor'] = await issuer.token({ sub: 'auditor-ptb', role: 'auditor' });
    tokens['utility'] = await issuer.token({ sub: 'stadtwerke-nord', role: 'utility' });
    @Module({
      controllers: [SoftwareApprovalsController],
      providers: [
        { provide: SoftwareApprovalsService, useValue: new SoftwareApprovalsService(governance) },
        ...accessSpecProviders({ issuers: [issuer.trusted], ownNmi: 'PTBMSP', errorStatus: auditHttpStatus }),
      ],
    })
    class SpecModule {}
    app = await createHttpApp({
      serviceName: 'audit',
      module: SpecModule,
      logger: createLogger('spec', { level: 'silent' }),
    });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  after(async () => {
    await app.close();
  });
  beforeEach(() => {
    governance.approvals = [];
    governance.withdrawals = [];
    governance.refuse = undefined;
  });

  async function call(
    method: string,
    path: string,
    caller?: string,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(caller === undefined ? {} : { authorization: `Bearer ${tokens[caller] ?? ''}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const REQUEST = { version: '0.1.0', fingerprint: FINGERPRINT, meterKinds: ['speed', 'energy'] };
  const WITHDRAW = `/api/software-approvals/${FINGERPRINT}/speed/withdraw`;

  it('approves for an auditor, naming the principal as the notified body', async () => {
    const answer = await call('POST', '/api/software-approvals', 'auditor', REQUEST);
    assert.equal(answer.status, 200);
    const parsed = softwareApprovalResponseSchema.parse(answer.body);
    assert.deepEqual(
      parsed.approvals.map((approval) => approval.meterKind),
      ['speed', 'energy'],
    );
    assert.deepEqual(governance.approvals, [{ ...REQUEST, notifiedBody: 'auditor-ptb' }]);
  });

  it('refuses approving and withdrawing without a token (401) and for another role (403), submitting nothing', async () => {
    for (const [caller, status] of [
      [undefined, 401],
      ['utility', 403],
    ] as const) {
      assert.equal((await call('POST', '/api/software-approvals', caller, REQUEST)).status, status);
      assert.equal((await call('POST', WITHDRAW, caller, { reason: 'drift' })).status, status);
    }
    assert.deepEqual([governance.approvals, governance.withdrawals], [[], []]);
  });

  it('refuses a body naming the notified body, an unknown kind or a bad fingerprint with 400, submitting nothing', async () => {
    for (const body of [
      { ...REQUEST, notifiedBody: 'someone-else' },
      { ...REQUEST, meterKinds: ['water'] },
      { ...REQUEST, fingerprint: 'xyz' },
    ]) {
      const answer = await call('POST', '/api/software-approvals', 'auditor', body);
      assert.equal(answer.status, 400, JSON.stringify(answer.body));
      assert.equal(typeof answer.body['code'], 'string');
    }
    assert.equal(
      (await call('POST', `/api/software-approvals/xyz/speed/withdraw`, 'auditor', { reason: 'r' })).status,
      400,
    );
    assert.equal(
      (
        await call('POST', `/api/software-approvals/${FINGERPRINT}/water/withdraw`, 'auditor', {
          reason: 'r',
        })
      ).status,
      400,
    );
    assert.equal((await call('POST', WITHDRAW, 'auditor', { reason: '' })).status, 400);
    assert.deepEqual([governance.approvals, governance.withdrawals], [[], []]);
  });

  it("maps the ledger's refusals: ALREADY_EXISTS 409, APPROVAL_WITHDRAWN 422, NOT_FOUND 404", async () => {
    governance.refuse = new LedgerError({
      code: 'ALREADY_EXISTS',
      message: 'version 0.1.0 names another build',
    });
    const conflict = await call('POST', '/api/software-approvals', 'auditor', REQUEST);
    assert.deepEqual([conflict.status, conflict.body['code']], [409, 'ALREADY_EXISTS']);
    governance.refuse = new LedgerError({ code: 'APPROVAL_WITHDRAWN', message: 'withdrawn' });
    assert.equal((await call('POST', '/api/software-approvals', 'auditor', REQUEST)).status, 422);
    const missing = await call('POST', `/api/software-approvals/${FINGERPRINT}/energy/withdraw`, 'auditor', {
      reason: 'drift',
    });
    assert.deepEqual([missing.status, missing.body['code']], [404, 'NOT_FOUND']);
  });

  it('withdraws for an auditor with the reason given', async () => {
    const answer = await call('POST', WITHDRAW, 'auditor', { reason: 'speed drifts by 1 %' });
    assert.equal(answer.status, 200);
    assert.equal(lrApprovalSchema.parse(answer.body).status, 'withdrawn');
    assert.deepEqual(governance.withdrawals, [
      { fingerprint: FINGERPRINT, meterKind: 'speed', reason: 'speed drifts by 1 %' },
    ]);
  });

  it('lists the approvals to anyone, and refuses an unknown kind filter', async () => {
    const answer = await fetch(`${base}/api/software-approvals?meterKind=speed`);
    assert.equal(answer.status, 200);
    assert.deepEqual(lrApprovalSchema.array().parse(await answer.json()), [APPROVAL]);
    assert.equal((await fetch(`${base}/api/software-approvals?meterKind=water`)).status, 400);
  });
});
