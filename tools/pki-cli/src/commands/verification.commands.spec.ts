import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { VerificationRecord, VerifyRequest } from '@metrochain/contracts';
import { inclusionProof, leafHash, merkleRoot, signData } from '@metrochain/pki';
import canonicalize from 'canonicalize';
import { generateKeyPairSync } from 'node:crypto';
import { FakeService } from '@metrochain/tool-kit/testing';
import { cli } from '../testing/run-cli';

const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const DATA = 'energy 1234.5 Wh';
const SIGNATURE = signData(privateKey, DATA);

function logged(index: number, request: VerifyRequest): VerificationRecord {
  const base = {
    verificationId: `vb-test-1.${String(index)}`,
    source: 'api' as const,
    meterId: request.meterId,
    dataDigest: 'd'.repeat(64),
    measuredAt: request.measuredAt ?? '2026-01-05T10:00:00.000Z',
    meterStatus: 'active' as const,
    keyFingerprint: 'a'.repeat(64),
    attestedBy: ['PTBMSP', 'InmetroMSP'],
    verifiedBy: 'PTBMSP',
    checkedAt: '2026-01-05T10:00:01.000Z',
  };
  return request.signature === SIGNATURE && request.data === DATA
    ? { ...base, outcome: 'valid' }
    : { ...base, outcome: 'invalid', reason: 'SIGNATURE_INVALID' };
}

/** The verification API: verdicts logged in one batch, anchored after `anchorAfterReads` reads of a record. */
async function fakeVerification(anchorAfterReads = 0): Promise<FakeService> {
  const records: VerificationRecord[] = [];
  let reads = 0;
  const service = await FakeService.start();
  service.on('POST', /\/verifications/, ({ body }) => {
    const record = logged(records.length, body as VerifyRequest);
    records.push(record);
    return { status: 200, body: { ...record, valid: record.outcome === 'valid' } };
  });
  service.on('GET', /\/verifications\/vb-test-1\.(\d+)/, (_, [index]) => {
    const leaves = records.map((record) => Buffer.from(canonicalize(record) ?? '', 'utf8'));
    const position = Number(index);
    const leaf = leaves[position] ?? Buffer.alloc(0);
    const anchored = reads++ >= anchorAfterReads;
    const anchor = {
      batchId: 'vb-test-1',
      merkleRoot: merkleRoot(leaves),
      size: leaves.length,
      txId: 't'.repeat(64),
      anchoredAt: '2026-01-05T10:00:05.000Z',
    };
    return {
      status: 200,
      body: {
        record: records[position],
        leafHash: leafHash(leaf).toString('hex'),
        anchor: anchored ? anchor : null,
        proof: anchored ? inclusionProof(leaves, position) : null,
      },
    };
  });
  return service;
}

describe('verification commands against a local verification API', () => {
  let service: FakeService;
  let env: Record<string, string>;

  before(async () => {
    service = await fakeVerification(2);
    env = { METROCHAIN_VERIFICATION_URL: service.url, METROCHAIN_NETWORK_FILE: '/nonexistent' };
  });
  after(() => service.close());

  it('exits 0 for a valid signature and 3 when the service answers invalid', async () => {
    const args = ['verify', '--meter', 'm-1', '--signature', SIGNATURE];
    const valid = await cli([...args, '--data', DATA, '--measured-at', '2026-01-05T09:59:00Z'], { env });
    assert.equal(valid.code, 0, valid.stderr);
    assert.deepEqual([valid.json()['valid'], valid.json()['verificationId']], [true, 'vb-test-1.0']);
    assert.deepEqual(service.requests.at(-1)?.body, {
      meterId: 'm-1',
      data: DATA,
      signature: SIGNATURE,
      measuredAt: '2026-01-05T09:59:00Z',
    });
    const invalid = await cli([...args, '--file', '-'], { env, stdin: `${DATA}!` });
    assert.equal(invalid.code, 3);
    assert.deepEqual([invalid.json()['valid'], invalid.json()['reason']], [false, 'SIGNATURE_INVALID']);
    assert.equal(invalid.stderr, '');
  });

  it('checks a record’s inclusion proof against the anchored root, waiting for the anchor when asked', async () => {
    const notYet = await cli(['proof', '--id', 'vb-test-1.0'], { env });
    assert.equal(notYet.code, 1);
    assert.match(notYet.stderr, /^NOT_ANCHORED: /);
    const proven = await cli(['proof', '--id', 'vb-test-1.1', '--wait', '5'], { env });
    assert.equal(proven.code, 0, proven.stderr);
    const report = proven.json();
    assert.deepEqual([report['leafHashMatches'], report['proofVerified']], [true, true]);
    assert.deepEqual(Object.keys(report), [
      'record',
      'leafHash',
      'anchor',
      'proof',
      'leafHashMatches',
      'proofVerified',
    ]);
  });

  it('refuses a malformed id or time before asking the service', async () => {
    const before = service.requests.length;
    assert.equal((await cli(['proof', '--id', 'not an id'], { env })).code, 2);
    const badTime = [
      'verify',
      '--meter',
      'm',
      '--data',
      DATA,
      '--signature',
      SIGNATURE,
      '--measured-at',
      'noon',
    ];
    assert.equal((await cli(badTime, { env })).code, 2);
    assert.equal(service.requests.length, before);
  });
});

describe('proof with a service whose proof does not hold', () => {
  it('reports proofVerified false with exit 3', async () => {
    const service = await FakeService.start();
    const record = logged(0, { meterId: 'm-1', data: DATA, signature: SIGNATURE });
    const leaves = [record, logged(1, { meterId: 'm-2', data: DATA, signature: SIGNATURE })].map((r) =>
      Buffer.from(canonicalize(r) ?? '', 'utf8'),
    );
    service.on('GET', /\/verifications\/.+/, () => ({
      status: 200,
      body: {
        record: { ...record, meterStatus: 'revoked' },
        leafHash: leafHash(leaves[0] ?? Buffer.alloc(0)).toString('hex'),
        anchor: {
          batchId: 'b',
          merkleRoot: merkleRoot(leaves),
          size: 2,
          txId: 't',
          anchoredAt: record.checkedAt,
        },
        proof: inclusionProof(leaves, 0),
      },
    }));
    try {
      const run = await cli(['proof', '--verification', service.url, '--id', 'vb-test-1.0']);
      assert.equal(run.code, 3);
      assert.deepEqual([run.json()['leafHashMatches'], run.json()['proofVerified']], [false, false]);
    } finally {
      await service.close();
    }
  });
});
