import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditFindingsV1, FindingView } from '@metrochain/contracts';
import type { FindingsStorePort } from './findings-store';
import { type FindingInput, FindingsService } from './findings.service';

class MemoryStore implements FindingsStorePort {
  readonly open = new Map<string, string>();
  readonly saved: AuditFindingsV1[] = [];

  claimOpen(openKey: string, findingId: string): Promise<boolean> {
    if (this.open.has(openKey)) {
      return Promise.resolve(false);
    }
    this.open.set(openKey, findingId);
    return Promise.resolve(true);
  }
  releaseOpen(openKey: string, findingId: string): Promise<void> {
    if (this.open.get(openKey) === findingId) {
      this.open.delete(openKey);
    }
    return Promise.resolve();
  }
  takeOpen(openKey: string): Promise<string | undefined> {
    const findingId = this.open.get(openKey);
    this.open.delete(openKey);
    return Promise.resolve(findingId);
  }
  save(finding: AuditFindingsV1): Promise<void> {
    this.saved.push(finding);
    return Promise.resolve();
  }
  get(findingId: string): Promise<FindingView | undefined> {
    return Promise.resolve(this.saved.find((finding) => finding.findingId === findingId));
  }
  list(): Promise<FindingView[]> {
    return Promise.resolve([...this.saved].reverse());
  }
}

const BEHIND: FindingInput = {
  subject: 'peer:peer1.inmetro.example.com',
  category: 'peer-behind',
  severity: 'warning',
  summary: 'peer1 of Inmetro is 12 blocks behind',
  evidence: { height: 40, maxHeight: 52 },
};

function setUp(publishFails = false): {
  service: FindingsService;
  store: MemoryStore;
  published: AuditFindingsV1[];
} {
  const store = new MemoryStore();
  const published: AuditFindingsV1[] = [];
  const service = new FindingsService({
    store,
    detectedBy: 'PTBMSP',
    now: () => new Date('2026-12-02T21:00:00Z'),
    publish: (finding) => {
      if (publishFails) {
        return Promise.reject(new Error('broker down'));
      }
      published.push(finding);
      return Promise.resolve();
    },
  });
  return { service, store, published };
}

describe('FindingsService', () => {
  it('publishes and stores a finding with its id, detecting NMI and time', async () => {
    const { service, store, published } = setUp();
    const finding = await service.report(BEHIND);
    assert.ok(finding);
    assert.equal(finding.detectedBy, 'PTBMSP');
    assert.equal(finding.detectedAt, '2026-12-02T21:00:00.000Z');
    assert.deepEqual(published, [finding]);
    assert.deepEqual(store.saved, [finding]);
  });

  it('reports a problem still open once, and again after it was resolved', async () => {
    const { service, published } = setUp();
    const first = await service.report(BEHIND);
    assert.equal(await service.report(BEHIND), undefined);
    const resolved = await service.resolve('peer-behind', BEHIND.subject, 'caught up', { height: 52 });
    assert.equal(resolved?.resolves, first?.findingId);
    assert.equal(resolved?.severity, 'info');
    assert.ok(await service.report(BEHIND));
    assert.equal(published.length, 3);
  });

  it('tells findings of one subject apart by their dedupe key', async () => {
    const { service } = setUp();
    assert.ok(await service.report(BEHIND, { dedupeKey: 'a' }));
    assert.ok(await service.report(BEHIND, { dedupeKey: 'b' }));
    assert.equal(await service.resolve('peer-behind', BEHIND.subject, 'none open', {}), undefined);
  });

  it('keeps nothing and frees the slot when publishing fails', async () => {
    const { service, store } = setUp(true);
    await assert.rejects(service.report(BEHIND), /broker down/);
    assert.equal(store.saved.length, 0);
    assert.equal(store.open.size, 0);
  });

  it('refuses a finding that breaks the contract before publishing it', async () => {
    const { service, published } = setUp();
    await assert.rejects(service.report({ ...BEHIND, subject: 'no subject' }));
    assert.equal(published.length, 0);
  });

  it('answers FINDING_UNKNOWN for an id it does not hold', async () => {
    const { service } = setUp();
    await assert.rejects(service.get('6f1c1a52-6a3f-4a55-9d47-2b6a44f1f0aa'), { code: 'FINDING_UNKNOWN' });
  });
});
