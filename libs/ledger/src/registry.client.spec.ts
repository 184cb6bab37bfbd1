import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { type Contract, GatewayError, type SubmittedTransaction } from '@hyperledger/fabric-gateway';
import {
  type MeterRecord,
  REGISTRY_CONTRACT,
  type SignatureCheck,
  type VerificationBatch,
} from '@metrochain/contracts';
import { LedgerError } from './ledger-error';
import { RegistryClient, type RegistryContract } from './registry.client';
import { serviceError, FakeContract, jsonBytes, submittedTransaction } from './testing/fabric-fakes';

const PEM = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n';
const FINGERPRINT = 'a'.repeat(64);
const AT = '2026-01-01T00:00:00.000Z';
const meter: MeterRecord = {
  meterId: 'meter-1',
  model: 'EM-340',
  status: 'pending',
  publicKeyPem: PEM,
  keyFingerprint: FINGERPRINT,
  keyHistory: [{ keyFingerprint: FINGERPRINT, publicKeyPem: PEM, validFrom: AT }],
  attestations: [{ msp: 'PTBMSP', keyFingerprint: FINGERPRINT, at: AT, txId: 'tx-attest' }],
};
const attestRequest = {
  meterId: 'meter-1',
  model: 'EM-340',
  publicKeyPem: PEM,
  nonce: 'n'.repeat(43),
  signature: 'AAAA',
};
const json = jsonBytes;

class FakeRegistryContract extends FakeContract {
  constructor(
    evaluateResult: () => Promise<Uint8Array>,
    submitted: SubmittedTransaction = submittedTransaction(json(meter), {
      transactionId: 'tx-attest',
      blockNumber: 21n,
    }),
  ) {
    super(evaluateResult, submitted);
  }
}

const returning = (value: unknown): FakeRegistryContract =>
  new FakeRegistryContract(() => Promise.resolve(json(value)));

async function rejection(promise: Promise<unknown>): Promise<LedgerError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof LedgerError);
    return error;
  }
  assert.fail('expected a rejection');
}

describe('RegistryClient', () => {
  it('submits an attestation as one JSON argument and returns the meter with its commit', async () => {
    const contract = returning(null);
    const result = await new RegistryClient(contract).attest(attestRequest);
    assert.deepEqual(result, { ...meter, transactionId: 'tx-attest', blockNumber: 21n });
    const [name, options] = contract.submissions[0] ?? [];
    assert.equal(name, 'attest');
    assert.deepEqual(JSON.parse(String(options?.arguments?.[0])), attestRequest);
  });

  it('submits revocations, rotations and config changes under their transaction names', async () => {
    const contract = returning(null);
    const client = new RegistryClient(contract);
    await client.revoke({ meterId: 'meter-1', reason: 'seal broken' });
    await client.rotateKey({
      meterId: 'meter-1',
      newPublicKeyPem: PEM,
      nonce: 'm'.repeat(43),
      oldKeySignature: 'AAAA',
      newKeySignature: 'BBBB',
    });
    assert.deepEqual(
      contract.submissions.map(([name]) => name),
      ['revoke', 'rotateKey'],
    );
    const config = { requiredAttestations: 2, approvedModels: [] };
    const configContract = new FakeRegistryContract(
      () => Promise.resolve(json(null)),
      submittedTransaction(json(config), { transactionId: 'tx-config', blockNumber: 3n }),
    );
    const stored = await new RegistryClient(configContract).setRegistryConfig(config);
    assert.deepEqual(stored, { ...config, transactionId: 'tx-config', blockNumber: 3n });
  });

  it('rejects invalid requests with INVALID_ARGUMENT before calling the ledger', async () => {
    const contract = returning(null);
    const client = new RegistryClient(contract);
    const error = await rejection(client.attest({ ...attestRequest, nonce: 'short', publicKeyPem: 'x' }));
    assert.equal(error.code, 'INVALID_ARGUMENT');
    assert.deepEqual(
      (error.details['issues'] as { path: string }[]).map((issue) => issue.path),
      ['publicKeyPem', 'nonce'],
    );
    await rejection(client.setRegistryConfig({ requiredAttestations: 0, approvedModels: [] }));
    await rejection(client.getMeter('../meter'));
    assert.deepEqual([contract.submissions.length, contract.evaluations.length], [0, 0]);
  });

  it('evaluates signature checks and reads, validating the answers', async () => {
    const check: SignatureCheck = {
      meterId: 'meter-9',
      valid: false,
      status: 'unknown',
      measuredAt: AT,
      attestedBy: [],
    };
    const contract = returning(check);
    const request = { meterId: 'meter-9', data: 'reading', signature: 'AAAA', measuredAt: AT };
    assert.deepEqual(await new RegistryClient(contract).checkSignature(request), check);
    assert.deepEqual(contract.evaluations, [['checkSignature', JSON.stringify(request)]]);
    const reads = returning(meter);
    assert.deepEqual(await new RegistryClient(reads).getMeter('meter-1'), meter);
    assert.deepEqual(reads.evaluations, [['getMeter', 'meter-1']]);
    const broken = await rejection(
      new RegistryClient(returning({ ...meter, keyHistory: [] })).getMeter('meter-1'),
    );
    assert.equal(broken.code, 'LEDGER_ERROR');
  });

  it('anchors and reads verification batches', async () => {
    const batch: VerificationBatch = {
      batchId: 'batch-1',
      merkleRoot: 'c'.repeat(64),
      size: 8,
      anchoredBy: 'PTBMSP',
      anchoredAt: AT,
      txId: 'tx-anchor',
    };
    const contract = new FakeRegistryContract(
      () => Promise.resolve(json(batch)),
      submittedTransaction(json(batch), { transactionId: 'tx-anchor', blockNumber: 5n }),
    );
    const client = new RegistryClient(contract);
    const anchored = await client.anchorVerificationBatch({
      batchId: 'batch-1',
      merkleRoot: 'c'.repeat(64),
      size: 8,
    });
    assert.deepEqual(anchored, { ...batch, transactionId: 'tx-anchor', blockNumber: 5n });
    assert.deepEqual(await client.getVerificationBatch('batch-1'), batch);
    assert.deepEqual(contract.evaluations, [['getVerificationBatch', 'batch-1']]);
    assert.deepEqual(
      await new RegistryClient(
        returning({ requiredAttestations: 2, approvedModels: [] }),
      ).getRegistryConfig(),
      {
        requiredAttestations: 2,
        approvedModels: [],
      },
    );
  });

  it('surfaces the chaincode code of a refused attestation', async () => {
    const message = 'chaincode response 500, [ALREADY_ATTESTED] PTBMSP already attested meter meter-1';
    const failing: RegistryContract = {
      evaluateTransaction: () => Promise.reject(new Error('unused')),
      submitAsync: () =>
        Promise.reject(
          new GatewayError({
            code: GrpcStatus.ABORTED,
            message,
            details: [],
            cause: serviceError(GrpcStatus.ABORTED, message),
          }),
        ),
    };
    const error = await rejection(new RegistryClient(failing).attest(attestRequest));
    assert.equal(error.code, 'ALREADY_ATTESTED');
  });

  it('binds to the registry contract of a connection', async () => {
    const names: (string | undefined)[] = [];
    const client = RegistryClient.forConnection({
      contract: (name?: string): Contract => {
        names.push(name);
        return returning(meter) as unknown as Contract;
      },
    });
    await client.getMeter('meter-1');
    assert.deepEqual(names, [REGISTRY_CONTRACT]);
  });
});
