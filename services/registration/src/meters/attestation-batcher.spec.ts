import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { setImmediate as settled } from 'node:timers/promises';
import { describe, it } from 'node:test';
import type { AttestBatchRequest, AttestBatchResult, AttestRequest } from '@metrochain/contracts';
import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@metrochain/errors';
import { type CommittedTransaction, LedgerError } from '@metrochain/ledger';
import { loadRegistrationConfig } from '../config/registration.config';
import {
  type AttestBatchPort,
  type AttestedItem,
  AttestationBatcher,
  type StartTimer,
} from './attestation-batcher';
import { registrationHttpStatus } from './registration-http-status';

const publicKeyPem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .publicKey.export({ format: 'pem', type: 'spki' })
  .toString();

/** A well-formed attestation; `answer` tells two answers for the same meter apart (they have different nonces). */
function attestationOf(meterId: string, answer = 1): AttestRequest {
  const nonce = createHash('sha256')
    .update(`${meterId}/${String(answer)}`)
    .digest('base64url');
  return { meterId, model: 'EM-340', publicKeyPem, nonce, signature: 'AAAA' };
}

type BatchResult = AttestBatchResult & CommittedTransaction;

interface Call {
  request: AttestBatchRequest;
  resolve: (result: BatchResult) => void;
  reject: (error: unknown) => void;
}

/** attestBatch calls that stay in flight until the test commits or fails them. */
class ControlledRegistry implements AttestBatchPort {
  readonly calls: Call[] = [];

  attestBatch(request: AttestBatchRequest): Promise<BatchResult> {
    return new Promise((resolve, reject) => {
      this.calls.push({ request, resolve, reject });
    });
  }

  meterIds(): string[][] {
    return this.calls.map((call) => call.request.attestations.map((attestation) => attestation.meterId));
  }

  /** Commits call `index`, every attestation recorded unless `results` says otherwise. */
  async commit(index: number, results?: AttestBatchResult['results']): Promise<void> {
    const call = this.calls[index];
    assert.ok(call, `attestBatch call ${String(index)} was made`);
    call.resolve({
      results:
        results ??
        call.request.attestations.map(({ meterId }) => ({
          ok: true as const,
          meterId,
          status: 'pending' as const,
        })),
      transactionId: `tx-${String(index)}`,
      blockNumber: BigInt(10 + index),
    });
    await settled();
  }
}

/** Timers the test fires by hand. */
class ManualTimers {
  readonly delays: number[] = [];
  #armed: (() => void) | undefined;

  readonly start: StartTimer = (callback, delayMs) => {
    assert.equal(this.#armed, undefined, 'one linger timer at a time');
    this.delays.push(delayMs);
    this.#armed = callback;
    return () => {
      this.#armed = undefined;
    };
  };

  get armed(): boolean {
    return this.#armed !== undefined;
  }

  fire(): void {
    const callback = this.#armed;
    assert.ok(callback, 'a linger timer is armed');
    this.#armed = undefined;
    callback();
  }
}

function newBatcher(
  settings: Partial<{ maxBatchSize: number; lingerMs: number; maxInFlight: number }> = {},
): { batcher: AttestationBatcher; registry: ControlledRegistry; timers: ManualTimers } {
  const registry = new ControlledRegistry();
  const timers = new ManualTimers();
  const batcher = new AttestationBatcher({
    registry,
    maxBatchSize: 200,
    lingerMs: 20,
    maxInFlight: 4,
    ...settings,
    startTimer: timers.start,
  });
  return { batcher, registry, timers };
}

function hasCode(code: string, status?: HttpStatus): (error: unknown) => boolean {
  return (error: unknown) =>
    error instanceof LedgerError &&
    error.code === code &&
    (status === undefined || registrationHttpStatus(error) === status);
}

describe('AttestationBatcher', () => {
  it('sends a batch as soon as it is full, without waiting for the linger', async () => {
    const { batcher, registry, timers } = newBatcher({ maxBatchSize: 3 });
    const answers = ['m-1', 'm-2', 'm-3'].map((meterId) => batcher.attest(attestationOf(meterId)));
    assert.deepEqual(registry.meterIds(), [['m-1', 'm-2', 'm-3']]);
    assert.equal(timers.armed, false, 'nothing is left waiting');
    await registry.commit(0);
    const items = await Promise.all(answers);
    assert.deepEqual(items, [
      { ok: true, meterId: 'm-1', status: 'pending', transactionId: 'tx-0', blockNumber: 10n },
      { ok: true, meterId: 'm-2', status: 'pending', transactionId: 'tx-0', blockNumber: 10n },
      { ok: true, meterId: 'm-3', status: 'pending', transactionId: 'tx-0', blockNumber: 10n },
    ] satisfies AttestedItem[]);
  });

  it('sends what is queued once the linger after the first answer passed, a lone answer included', async () => {
    const { batcher, registry, timers } = newBatcher({ lingerMs: 20 });
    const lone = batcher.attest(attestationOf('m-1'));
    assert.deepEqual(registry.calls, []);
    assert.deepEqual(timers.delays, [20]);
    timers.fire();
    assert.deepEqual(registry.meterIds(), [['m-1']]);

    const pair = [batcher.attest(attestationOf('m-2')), batcher.attest(attestationOf('m-3'))];
    assert.deepEqual(timers.delays, [20, 20], 'one timer for the next batch, armed by its first answer');
    timers.fire();
    assert.deepEqual(registry.meterIds(), [['m-1'], ['m-2', 'm-3']]);
    await registry.commit(1);
    await registry.commit(0);
    assert.equal((await lone).transactionId, 'tx-0');
    assert.deepEqual(
      (await Promise.all(pair)).map((item) => item.transactionId),
      ['tx-1', 'tx-1'],
    );
  });

  it('keeps at most maxInFlight batches in flight; a due batch waits for a slot', async () => {
    const { batcher, registry, timers } = newBatcher({ maxBatchSize: 2, maxInFlight: 2 });
    const answers = ['m-1', 'm-2', 'm-3', 'm-4', 'm-5', 'm-6', 'm-7'].map((meterId) =>
      batcher.attest(attestationOf(meterId)),
    );
    assert.deepEqual(registry.meterIds(), [
      ['m-1', 'm-2'],
      ['m-3', 'm-4'],
    ]);
    timers.fire();
    assert.equal(registry.calls.length, 2, 'the linger passed, but both slots are taken');
    await registry.commit(0);
    assert.deepEqual(registry.meterIds().slice(2), [['m-5', 'm-6']]);
    await registry.commit(1);
    assert.deepEqual(registry.meterIds().slice(3), [['m-7']], 'the due remainder takes the freed slot');
    await registry.commit(2);
    await registry.commit(3);
    assert.equal((await Promise.all(answers)).length, 7);
  });

  it('answers each attestation with its own result: recorded, or refused with the code and status of attest', async () => {
    const { batcher, registry, timers } = newBatcher();
    const [recorded, forged, again, unknown] = ['m-1', 'm-2', 'm-3', 'm-4'].map((meterId) =>
      batcher.attest(attestationOf(meterId)),
    );
    const outcomes = Promise.all([
      recorded?.then((item) => {
        assert.equal(item.status, 'active');
      }),
      assert.rejects(
        forged ?? Promise.resolve(),
        hasCode('SIGNATURE_INVALID', HttpStatus.UNPROCESSABLE_ENTITY),
      ),
      assert.rejects(forged ?? Promise.resolve(), {
        message: 'the proof does not verify',
        transactionId: 'tx-0',
      }),
      assert.rejects(again ?? Promise.resolve(), hasCode('ALREADY_ATTESTED', HttpStatus.CONFLICT)),
      assert.rejects(unknown ?? Promise.resolve(), hasCode('LEDGER_ERROR', HttpStatus.BAD_GATEWAY)),
    ]);
    timers.fire();
    await registry.commit(0, [
      { ok: true, meterId: 'm-1', status: 'active' },
      { ok: false, meterId: 'm-2', code: 'SIGNATURE_INVALID', message: 'the proof does not verify' },
      { ok: false, meterId: 'm-3', code: 'ALREADY_ATTESTED', message: 'PTBMSP already attested m-3' },
      { ok: false, meterId: 'm-4', code: 'SOMETHING_NEW', message: 'a code this service does not know' },
    ]);
    await outcomes;
  });

  it('never puts two answers for one meter, or one nonce, in a batch or in flight together', async () => {
    const { batcher, registry, timers } = newBatcher({ maxBatchSize: 3 });
    const first = batcher.attest(attestationOf('m-1', 1));
    const second = batcher.attest(attestationOf('m-1', 2));
    const sameNonce = batcher.attest({ ...attestationOf('m-1', 1), meterId: 'm-9' });
    const other = batcher.attest(attestationOf('m-2'));
    assert.equal(
      registry.calls.length,
      0,
      'four queued, but no full batch without a repeated meter or nonce',
    );
    timers.fire();
    assert.deepEqual(registry.meterIds(), [['m-1', 'm-2']]);
    assert.equal(
      timers.armed,
      false,
      'the held answers are due: they wait for the batch holding their meter or nonce',
    );
    await registry.commit(0);
    assert.deepEqual(registry.meterIds().slice(1), [['m-1', 'm-9']]);
    assert.equal(registry.calls[1]?.request.attestations[0]?.nonce, attestationOf('m-1', 2).nonce);
    await registry.commit(1);
    assert.deepEqual(
      (await Promise.all([first, other, second, sameNonce])).map((item) => item.transactionId),
      ['tx-0', 'tx-0', 'tx-1', 'tx-1'],
    );
  });

  it('fails every answer of a batch with the ledger error when the whole transaction fails, then goes on', async () => {
    const { batcher, registry, timers } = newBatcher({ maxBatchSize: 2 });
    const answers = [batcher.attest(attestationOf('m-1')), batcher.attest(attestationOf('m-2'))];
    const failures = Promise.all(
      answers.map((answer) =>
        assert.rejects(answer, hasCode('LEDGER_UNAVAILABLE', HttpStatus.SERVICE_UNAVAILABLE)),
      ),
    );
    registry.calls[0]?.reject(new LedgerError({ code: 'LEDGER_UNAVAILABLE', message: 'no peer answered' }));
    await failures;
    const later = batcher.attest(attestationOf('m-1', 2));
    timers.fire();
    await registry.commit(1);
    assert.equal((await later).transactionId, 'tx-1');
  });

  it('fails the batch when its results do not match its attestations', async () => {
    const { batcher, registry, timers } = newBatcher();
    const answers = [batcher.attest(attestationOf('m-1')), batcher.attest(attestationOf('m-2'))];
    const failures = Promise.all(
      answers.map((answer) => assert.rejects(answer, hasCode('LEDGER_ERROR', HttpStatus.BAD_GATEWAY))),
    );
    timers.fire();
    await registry.commit(0, [{ ok: true, meterId: 'm-2', status: 'pending' }]);
    await failures;
  });

  it('refuses a malformed attestation alone, as INVALID_ARGUMENT, without queueing it', async () => {
    const { batcher, registry, timers } = newBatcher();
    await assert.rejects(
      batcher.attest({ ...attestationOf('m-1'), nonce: 'short' }),
      hasCode('INVALID_ARGUMENT', HttpStatus.UNPROCESSABLE_ENTITY),
    );
    assert.equal(timers.armed, false);
    assert.deepEqual(registry.calls, []);
  });

  it('lingers on real timers by default', async () => {
    const registry = new ControlledRegistry();
    const batcher = new AttestationBatcher({ registry, maxBatchSize: 200, lingerMs: 5, maxInFlight: 4 });
    const started = performance.now();
    const answer = batcher.attest(attestationOf('m-1'));
    while (registry.calls.length === 0) {
      await settled();
    }
    assert.ok(performance.now() - started >= 4, 'sent after the linger');
    await registry.commit(0);
    assert.equal((await answer).meterId, 'm-1');
  });
});

describe('attestation batch settings', () => {
  const invalid = (error: unknown): boolean =>
    error instanceof DomainError && error.code === 'CONFIG_INVALID';

  it('default to batches of 200, 20 ms of linger and 4 in flight', () => {
    assert.deepEqual(loadRegistrationConfig({}).attestBatch, {
      maxBatchSize: 200,
      lingerMs: 20,
      maxInFlight: 4,
    });
  });

  it('come from the environment, the batch size bounded by MAX_ATTEST_BATCH', () => {
    const config = loadRegistrationConfig({
      REGISTRATION_ATTEST_BATCH_SIZE: '500',
      REGISTRATION_ATTEST_LINGER_MS: '0',
      REGISTRATION_ATTEST_MAX_IN_FLIGHT: '1',
    });
    assert.deepEqual(config.attestBatch, { maxBatchSize: 500, lingerMs: 0, maxInFlight: 1 });
    assert.throws(() => loadRegistrationConfig({ REGISTRATION_ATTEST_BATCH_SIZE: '501' }), invalid);
    assert.throws(() => loadRegistrationConfig({ REGISTRATION_ATTEST_BATCH_SIZE: '0' }), invalid);
    assert.throws(() => loadRegistrationConfig({ REGISTRATION_ATTEST_MAX_IN_FLIGHT: '0' }), invalid);
    assert.throws(() => loadRegistrationConfig({ REGISTRATION_ATTEST_LINGER_MS: '-1' }), invalid);
  });
});
