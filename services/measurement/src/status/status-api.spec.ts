import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { isDomainError } from '@metrochain/errors';
import { FakeStatusStore } from '../testing/fake-status-store';
import { StatusApi } from './status-api';

const ID = 'meter-1~7~0123456789abcdef';
const TX = 'b'.repeat(64);
const RESULT = { kind: 'energy', energyWh: 1.5, samples: 10, durationS: 1, meterTotalWh: 3 } as const;

describe('StatusApi', () => {
  let store: FakeStatusStore;
  let api: StatusApi;
  beforeEach(() => {
    store = new FakeStatusStore();
    api = new StatusApi(store);
  });

  it('answers a recorded reading with its result, transaction and block', async () => {
    await store.apply([
      {
        readingId: ID,
        update: {
          status: 'recorded',
          updatedAt: '2025-03-01T12:00:00.000Z',
          result: RESULT,
          txId: TX,
          blockNumber: 12,
        },
      },
    ]);
    assert.deepEqual(await api.status(ID), {
      readingId: ID,
      meterId: 'meter-1',
      seq: 7,
      status: 'recorded',
      updatedAt: '2025-03-01T12:00:00.000Z',
      result: RESULT,
      txId: TX,
      blockNumber: 12,
    });
  });

  it('answers a rejected reading with stage, reason and details', async () => {
    await store.apply([
      {
        readingId: ID,
        update: {
          status: 'rejected',
          updatedAt: '2025-03-01T12:00:00.000Z',
          reason: 'SEQ_OUT_OF_ORDER',
          stage: 'ledger',
          detail: 'seq 7 after 9',
        },
      },
    ]);
    const status = await api.status(ID);
    assert.deepEqual(
      [status.status, status.reason, status.stage, status.detail, status.lrCode],
      ['rejected', 'SEQ_OUT_OF_ORDER', 'ledger', 'seq 7 after 9', undefined],
    );
  });

  it('answers READING_UNKNOWN for an unknown id, and for a malformed one without asking Redis', async () => {
    const unknown = (error: unknown): boolean => isDomainError(error) && error.code === 'READING_UNKNOWN';
    await assert.rejects(api.status(ID), unknown);
    store.failWith = new Error('must not be asked');
    await assert.rejects(api.status('meter-1~7'), unknown);
    await assert.rejects(api.status(`meter-1~${'9'.repeat(17)}~0123456789abcdef`), unknown);
  });

  it('refuses to answer with what is not a status', async () => {
    store.fields.set(ID, { status: 'lost', updatedAt: 'yesterday' });
    await assert.rejects(api.status(ID), (error: unknown) => !isDomainError(error));
  });
});
