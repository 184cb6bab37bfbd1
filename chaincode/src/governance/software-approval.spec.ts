import {
  type LrApproval,
  ROLE_ATTRIBUTE,
  SOFTWARE_APPROVED_EVENT,
  SOFTWARE_WITHDRAWN_EVENT,
  type SoftwareApprovalRequest,
  type SoftwareApprovalResult,
  lrApprovalSchema,
  softwareApprovalResultSchema,
  softwareApprovedEventSchema,
} from '@metrochain/contracts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chaincodeErrorWithCode } from '../testing/chaincode-error-matcher';
import { type StubContext, type StubContextOptions, newStubContext } from '../testing/stub-context';
import { GovernanceContract } from './governance.contract';
import { lrApprovalKey } from './software-approval';

const contract = new GovernanceContract();
const FINGERPRINT = 'a'.repeat(64);
const REQUEST: SoftwareApprovalRequest = {
  version: '1.2.0',
  fingerprint: FINGERPRINT,
  notifiedBody: 'nb-0102',
  meterKinds: ['speed', 'energy'],
};
const WITHDRAWAL = { fingerprint: FINGERPRINT, meterKind: 'speed', reason: 'speed drifts by 1 %' } as const;

function auditorTx(options: StubContextOptions = {}): ReturnType<typeof newStubContext> {
  return newStubContext({ mspId: 'PTBMSP', attributes: { [ROLE_ATTRIBUTE]: 'auditor' }, ...options });
}

async function approve(
  state: Map<string, Uint8Array>,
  request: object = REQUEST,
  txId = 'tx-approve',
): Promise<{ result: SoftwareApprovalResult; stub: StubContext['stub'] }> {
  const { ctx, stub } = auditorTx({ state, txId, seconds: 1_767_225_600 });
  const result = softwareApprovalResultSchema.parse(
    JSON.parse(await contract.approveSoftwareVersion(ctx, JSON.stringify(request))),
  );
  return { result, stub };
}

function onlyEvent(stub: StubContext['stub']): { name: string; payload: string } {
  const [event, ...others] = stub.events;
  assert.ok(event !== undefined && others.length === 0, 'expected exactly one event');
  return event;
}

async function listed(state: Map<string, Uint8Array>, kind = ''): Promise<LrApproval[]> {
  const { ctx, stub } = newStubContext({ state });
  const approvals = lrApprovalSchema
    .array()
    .parse(JSON.parse(await contract.listSoftwareApprovals(ctx, kind)));
  assert.equal(stub.openIterators, 0);
  return approvals;
}

describe('approveSoftwareVersion per meter kind', () => {
  it('writes the version record and one approval per kind, and emits one event naming the kinds', async () => {
    const state = new Map<string, Uint8Array>();
    const { result, stub } = await approve(state);
    assert.deepEqual(result.software, {
      version: '1.2.0',
      fingerprint: FINGERPRINT,
      notifiedBody: 'nb-0102',
      approvedBy: 'PTBMSP',
      approvedAt: '2026-01-01T00:00:00.000Z',
      txId: 'tx-approve',
    });
    assert.deepEqual(
      result.approvals.map((approval) => [approval.meterKind, approval.status, approval.approvedTxId]),
      [
        ['speed', 'approved', 'tx-approve'],
        ['energy', 'approved', 'tx-approve'],
      ],
    );
    const { ctx } = newStubContext();
    assert.deepEqual(stub.writtenKeys, [
      ctx.stub.createCompositeKey('software', ['1.2.0']),
      lrApprovalKey(ctx, 'speed', FINGERPRINT),
      lrApprovalKey(ctx, 'energy', FINGERPRINT),
    ]);
    assert.equal(stub.events.length, 1);
    assert.equal(stub.events[0]?.name, SOFTWARE_APPROVED_EVENT);
    const event = softwareApprovedEventSchema.parse(JSON.parse(onlyEvent(stub).payload));
    assert.deepEqual(event.meterKinds, ['speed', 'energy']);
  });

  it('adds a kind later, keeps the kinds approved already and a retry writes nothing', async () => {
    const state = new Map<string, Uint8Array>();
    await approve(state, { ...REQUEST, meterKinds: ['speed'] }, 'tx-first');
    const { result, stub } = await approve(state, REQUEST, 'tx-second');
    assert.deepEqual(
      result.approvals.map((approval) => approval.approvedTxId),
      ['tx-first', 'tx-second'],
    );
    assert.equal(result.software.txId, 'tx-first');
    const event = softwareApprovedEventSchema.parse(JSON.parse(onlyEvent(stub).payload));
    assert.deepEqual([event.meterKinds, event.txId], [['energy'], 'tx-second']);
    const again = await approve(state, REQUEST, 'tx-third');
    assert.deepEqual([again.stub.writtenKeys, again.stub.events], [[], []]);
    assert.deepEqual(again.result, result);
  });

  it('refuses a caller without the auditor role, naming the role, and writes nothing', async () => {
    const callers: Record<string, string>[] = [
      {},
      { [ROLE_ATTRIBUTE]: 'governance' },
      { [ROLE_ATTRIBUTE]: 'measurement' },
    ];
    for (const attributes of callers) {
      const { ctx, stub } = newStubContext({ mspId: 'PTBMSP', attributes });
      await assert.rejects(
        contract.approveSoftwareVersion(ctx, JSON.stringify(REQUEST)),
        (error: unknown) => {
          assert.match(String(error), /'auditor' required/);
          return chaincodeErrorWithCode('ROLE_FORBIDDEN')(error);
        },
      );
      await assert.rejects(
        contract.withdrawSoftwareApproval(ctx, JSON.stringify(WITHDRAWAL)),
        chaincodeErrorWithCode('ROLE_FORBIDDEN'),
      );
      assert.deepEqual([stub.state.size, stub.events.length], [0, 0]);
    }
  });

  it('refuses no kinds, an unknown kind, a kind twice and a request without kinds with INVALID_ARGUMENT', async () => {
    const { ctx, stub } = auditorTx();
    for (const meterKinds of [[], ['water'], ['speed', 'speed'], undefined]) {
      await assert.rejects(
        contract.approveSoftwareVersion(ctx, JSON.stringify({ ...REQUEST, meterKinds })),
        chaincodeErrorWithCode('INVALID_ARGUMENT'),
      );
    }
    assert.equal(stub.state.size, 0);
  });

  it('refuses another fingerprint for an approved version, and an approved fingerprint under another version', async () => {
    const state = new Map<string, Uint8Array>();
    await approve(state);
    const before = new Map(state);
    for (const request of [
      { ...REQUEST, fingerprint: 'b'.repeat(64) },
      { ...REQUEST, version: '1.2.1' },
    ]) {
      const { ctx, stub } = auditorTx({ state });
      await assert.rejects(
        contract.approveSoftwareVersion(ctx, JSON.stringify(request)),
        chaincodeErrorWithCode('ALREADY_EXISTS'),
      );
      assert.deepEqual(stub.events, []);
    }
    assert.deepEqual(state, before);
  });
});

describe('withdrawSoftwareApproval', () => {
  it('marks the kind withdrawn with who, when, why, emits the event and leaves the other kinds approved', async () => {
    const state = new Map<string, Uint8Array>();
    await approve(state);
    const { ctx, stub } = auditorTx({
      state,
      mspId: 'InmetroMSP',
      txId: 'tx-withdraw',
      seconds: 1_767_312_000,
    });
    const withdrawn = lrApprovalSchema.parse(
      JSON.parse(await contract.withdrawSoftwareApproval(ctx, JSON.stringify(WITHDRAWAL))),
    );
    assert.deepEqual(
      [
        withdrawn.status,
        withdrawn.withdrawnBy,
        withdrawn.withdrawnAt,
        withdrawn.withdrawnTxId,
        withdrawn.reason,
      ],
      ['withdrawn', 'InmetroMSP', '2026-01-02T00:00:00.000Z', 'tx-withdraw', WITHDRAWAL.reason],
    );
    assert.deepEqual(stub.writtenKeys, [lrApprovalKey(ctx, 'speed', FINGERPRINT)]);
    assert.equal(stub.events[0]?.name, SOFTWARE_WITHDRAWN_EVENT);
    assert.deepEqual(lrApprovalSchema.parse(JSON.parse(onlyEvent(stub).payload)), withdrawn);
    assert.deepEqual(
      (await listed(state)).map((approval) => [approval.meterKind, approval.status]),
      [
        ['energy', 'approved'],
        ['speed', 'withdrawn'],
      ],
    );
  });

  it('returns a withdrawal as stored when repeated, and refuses approving the withdrawn kind again', async () => {
    const state = new Map<string, Uint8Array>();
    await approve(state);
    const first = await contract.withdrawSoftwareApproval(
      auditorTx({ state }).ctx,
      JSON.stringify(WITHDRAWAL),
    );
    const { ctx, stub } = auditorTx({ state, txId: 'tx-again' });
    assert.equal(await contract.withdrawSoftwareApproval(ctx, JSON.stringify(WITHDRAWAL)), first);
    await assert.rejects(
      contract.approveSoftwareVersion(ctx, JSON.stringify(REQUEST)),
      chaincodeErrorWithCode('APPROVAL_WITHDRAWN'),
    );
    assert.deepEqual([stub.writtenKeys, stub.events], [[], []]);
  });

  it('fails with NOT_FOUND for a kind never approved and INVALID_ARGUMENT without a reason', async () => {
    const state = new Map<string, Uint8Array>();
    await approve(state);
    const { ctx, stub } = auditorTx({ state });
    await assert.rejects(
      contract.withdrawSoftwareApproval(ctx, JSON.stringify({ ...WITHDRAWAL, meterKind: 'energy-fe' })),
      chaincodeErrorWithCode('NOT_FOUND'),
    );
    for (const reason of ['', '   ', 'x'.repeat(501), undefined]) {
      await assert.rejects(
        contract.withdrawSoftwareApproval(ctx, JSON.stringify({ ...WITHDRAWAL, reason })),
        chaincodeErrorWithCode('INVALID_ARGUMENT'),
      );
    }
    assert.deepEqual([stub.writtenKeys, stub.events], [[], []]);
  });
});

describe('listSoftwareApprovals', () => {
  it('lists every kind for an empty filter, one kind otherwise, and refuses an unknown kind', async () => {
    const state = new Map<string, Uint8Array>();
    assert.deepEqual(await listed(state), []);
    await approve(state);
    await approve(state, {
      ...REQUEST,
      version: '2.0.0',
      fingerprint: 'c'.repeat(64),
      meterKinds: ['speed'],
    });
    assert.deepEqual(
      (await listed(state)).map((approval) => `${approval.meterKind}/${approval.version}`),
      ['energy/1.2.0', 'speed/1.2.0', 'speed/2.0.0'],
    );
    assert.deepEqual(
      (await listed(state, 'speed')).map((approval) => approval.version),
      ['1.2.0', '2.0.0'],
    );
    await assert.rejects(
      contract.listSoftwareApprovals(newStubContext({ state }).ctx, 'water'),
      chaincodeErrorWithCode('INVALID_ARGUMENT'),
    );
  });
});
