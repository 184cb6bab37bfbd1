import assert from 'node:assert/strict';
import {
  type LrApproval,
  type MeasurementRecord,
  type MeterProgress,
  type QueryMeasurementsRequest,
  type QueryMeasurementsResult,
  type Reading,
  type RecordBatchResult,
  SOFTWARE_METER_KINDS,
  type SoftwareMeterKind,
  measurementRecordSchema,
  meterProgressSchema,
  queryMeasurementsResultSchema,
  recordBatchResultSchema,
} from '@metrochain/contracts';
import { computeEnergyFe, computeMeasurement } from '@metrochain/lr';
import { synthesizeEnergyWindow, synthesizeLoopSignals } from '@metrochain/sensor-signals';
import canonicalize from 'canonicalize';
import { type MeterKeys, HOUR, T0, isoAt, signText, txAs } from '../../registry/testing/registry-fixtures';
import { lrApprovalKey } from '../../governance/software-approval';
import { CHAINCODE_FINGERPRINT } from '../../identity/running-chaincode';
import { newStubContext } from '../../testing/stub-context';
import { MeasurementContract } from '../measurement.contract';
import { type ComputeMeasurement, parseRecordBatchRequest, recordBatch } from '../record-batch';
import { newPagingContext } from './paging-stub-context';

export const measurement = new MeasurementContract();
/** Readings are measured from T0 + 2 h, after the fixtures' meters became active (T0 + 1 h). */
export const MEASURED_FROM = T0 + 2 * HOUR;

type Unsigned = Omit<Reading, 'signature'>;

export function signReading(keys: MeterKeys, unsigned: Unsigned): Reading {
  return { ...unsigned, signature: signText(keys, canonicalize(unsigned) ?? '') };
}

export function energyReading(
  meterId: string,
  keys: MeterKeys,
  seq: number,
  overrides: Partial<Unsigned> = {},
): Reading {
  return signReading(keys, {
    meterId,
    seq,
    measuredAt: isoAt(MEASURED_FROM + seq),
    kind: 'energy',
    payload: { ...synthesizeEnergyWindow({ noiseFraction: 0, cycles: 2 }).payload },
    ...overrides,
  });
}

export function speedReading(meterId: string, keys: MeterKeys, seq: number, speedKmh: number): Reading {
  return signReading(keys, {
    meterId,
    seq,
    measuredAt: isoAt(MEASURED_FROM + seq),
    kind: 'speed',
    payload: { ...synthesizeLoopSignals({ speedKmh, noiseFraction: 0, plateImageSha256: 'ab'.repeat(32) }) },
  });
}

/** 32 bytes standing in for a ristretto255 point: libs/fe's check is replaced by `lrWithoutFe`. */
export function fakeCiphertext(fill: number): string {
  return Buffer.alloc(32, fill).toString('base64');
}

/** The LR software with libs/fe's ciphertext check accepting every well-formed ciphertext. */
export const lrWithoutFe: ComputeMeasurement = (kind, payload) =>
  kind === 'energy-fe' ? computeEnergyFe(payload, () => undefined) : computeMeasurement(kind, payload);

/** An energy-fe reading of (day, slot), measured when `measuredAt` says (default: 1 s after the slot ended). */
export function feReading(
  meterId: string,
  keys: MeterKeys,
  seq: number,
  at: Readonly<{ day: string; slot: number; measuredAt?: string; ciphertext?: string }>,
): Reading {
  const slotEnd = Date.parse(`${at.day}T00:00:00Z`) + (at.slot + 1) * 15 * 60 * 1000;
  return signReading(keys, {
    meterId,
    seq,
    measuredAt: at.measuredAt ?? new Date(slotEnd + 1000).toISOString(),
    kind: 'energy-fe',
    payload: { day: at.day, slot: at.slot, ciphertext: at.ciphertext ?? fakeCiphertext(seq % 256) },
  });
}

/** recordBatch by the measurement identity of `mspId`, as one committed transaction at T0 + 3 h. */
export async function recordAs(
  state: Map<string, Uint8Array>,
  readings: readonly Reading[],
  options: Readonly<{
    txId?: string;
    mspId?: string;
    seconds?: number;
    compute?: ComputeMeasurement;
    /** false: leave the running build unapproved (default: approve it for every kind first). */
    approved?: boolean;
  }> = {},
): Promise<RecordBatchResult & { events: string[]; messages: string[] }> {
  if (options.approved !== false) {
    approveRunningSoftware(state);
  }
  const mspId = options.mspId ?? 'PTBMSP';
  const { ctx, stub } = txAs('measurement', mspId, {
    state,
    txId: options.txId ?? 'tx-record',
    seconds: options.seconds ?? T0 + 3 * HOUR,
  });
  const requestJson = JSON.stringify({ batchId: 'batch-1', readings });
  // With another LR (libs/fe stood in for), the contract's own function; its class always uses the real LR.
  const json =
    options.compute === undefined
      ? await measurement.recordBatch(ctx, requestJson)
      : await recordBatch(ctx, parseRecordBatchRequest(requestJson), mspId, options.compute);
  return {
    ...recordBatchResultSchema.parse(JSON.parse(json)),
    events: stub.events.map((event) => event.payload),
    messages: [...stub.handler.messages],
  };
}

export async function readMeasurement(
  state: Map<string, Uint8Array>,
  meterId: string,
  seq: number,
): Promise<MeasurementRecord> {
  const json = await measurement.getMeasurement(newStubContext({ state }).ctx, meterId, String(seq));
  return measurementRecordSchema.parse(JSON.parse(json));
}

export async function readProgress(state: Map<string, Uint8Array>, meterId: string): Promise<MeterProgress> {
  const json = await measurement.getMeterProgress(newStubContext({ state }).ctx, meterId);
  return meterProgressSchema.parse(JSON.parse(json));
}

/** queryMeasurements as a read-only transaction; `pageSizes` are the page sizes the scan asked the peer for. */
export async function queryAs(
  state: Map<string, Uint8Array>,
  request: QueryMeasurementsRequest,
): Promise<QueryMeasurementsResult & { pageSizes: number[] }> {
  const { ctx, stub } = newPagingContext(state);
  const json = await measurement.queryMeasurements(ctx, JSON.stringify(request));
  assert.equal(stub.openIterators, 0);
  return { ...queryMeasurementsResultSchema.parse(JSON.parse(json)), pageSizes: stub.pageSizes };
}

/**
 * Seeds, straight into `state`, a notified body's approval of the running build (CHAINCODE_FINGERPRINT) for
 * `meterKinds` (default: every kind), as the devnet grants it after deploying; recordBatch refuses batches
 * without it. Leaves approvals already in `state` as they are.
 */
export function approveRunningSoftware(
  state: Map<string, Uint8Array>,
  meterKinds: readonly SoftwareMeterKind[] = SOFTWARE_METER_KINDS,
): void {
  const { ctx } = newStubContext({ state });
  for (const meterKind of meterKinds) {
    const key = lrApprovalKey(ctx, meterKind, CHAINCODE_FINGERPRINT);
    if (!state.has(key)) {
      const approval: LrApproval = {
        version: '0.1.0',
        fingerprint: CHAINCODE_FINGERPRINT,
        meterKind,
        notifiedBody: 'NB 0102',
        status: 'approved',
        approvedBy: 'PTBMSP',
        approvedAt: isoAt(T0),
        approvedTxId: 'tx-approve-software',
      };
      state.set(key, Buffer.from(canonicalize(approval) ?? '', 'utf8'));
    }
  }
}
