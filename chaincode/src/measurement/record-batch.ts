import {
  type MeasurementRecord,
  type MeterProgress,
  type Reading,
  type ReadingOutcome,
  type ReadingRejectionReason,
  type RecordBatchRequest,
  type RecordBatchResult,
  recordBatchRequestSchema,
} from '@metrochain/contracts';
import {
  type LrOutcome,
  type LrRejectionCode,
  type MeasurementResult as LrResult,
  computeMeasurement,
} from '@metrochain/lr';
import type { Context } from 'fabric-contract-api';
import { toCanonicalJson } from '../common/state';
import { CHAINCODE_FINGERPRINT } from '../identity/running-chaincode';
import { transactionTimeIso } from '../common/transaction-time';
import { parseJsonArgument } from '../common/validate-argument';
import { normalizeTimestamp } from '../registry/meter-timeline';
import { BatchLedger } from './batch-ledger';
import { judgeReading } from './judge-reading';
import { feSlotRefusal } from './fe-slot-check';
import { emitBatchRecorded } from './measurement-state';
import { requireApprovedSoftware } from './software-gate';

/** Only the measurement service's identity records measurements. */
export const MEASUREMENT_ROLE = 'measurement';

export function parseRecordBatchRequest(requestJson: string): RecordBatchRequest {
  return parseJsonArgument(recordBatchRequestSchema, requestJson, 'record batch request');
}

// The outcome schema's bound; the LR's details are short, but the result is not parsed again before it is returned.
const MAX_DETAIL_LENGTH = 1000;

/** The LR software's entry point; a parameter so that tests can stand in for libs/fe's ciphertext check. */
export type ComputeMeasurement = (kind: string, payload: unknown) => LrOutcome<LrResult>;

interface BatchScope {
  ledger: BatchLedger;
  compute: ComputeMeasurement;
  recordedBy: string;
  recordedAt: string;
  txId: string;
}

/**
 * Records a batch of verified readings, each on its own and in order: a rejected reading writes nothing and does
 * not affect the others. Returns the outcomes in request order; sets one event for the batch.
 */
export async function recordBatch(
  ctx: Context,
  request: RecordBatchRequest,
  recordedBy: string,
  compute: ComputeMeasurement = computeMeasurement,
): Promise<string> {
  const ledger = await BatchLedger.load(ctx, request.readings, CHAINCODE_FINGERPRINT);
  requireApprovedSoftware(CHAINCODE_FINGERPRINT, ledger.unapprovedKinds());
  const scope: BatchScope = {
    ledger,
    compute,
    recordedBy,
    recordedAt: transactionTimeIso(ctx),
    txId: ctx.stub.getTxID(),
  };
  const outcomes: ReadingOutcome[] = [];
  for (const reading of request.readings) {
    outcomes.push(recordReading(scope, reading));
  }
  await scope.ledger.flush();
  const recorded = outcomes.flatMap((outcome) =>
    outcome.status === 'recorded'
      ? [{ meterId: outcome.measurement.meterId, seq: outcome.measurement.seq }]
      : [],
  );
  emitBatchRecorded(ctx, {
    batchId: request.batchId,
    recorded,
    duplicates: outcomes.filter((outcome) => outcome.status === 'duplicate').length,
    rejected: outcomes.filter((outcome) => outcome.status === 'rejected').length,
  });
  // Built from the validated request and records validated as they were written; not parsed again (it is large).
  const result: RecordBatchResult = { batchId: request.batchId, outcomes };
  return toCanonicalJson(result);
}

function recordReading(scope: BatchScope, reading: Readonly<Reading>): ReadingOutcome {
  const meter = scope.ledger.meter(reading.meterId);
  const judged = judgeReading(reading, meter, scope.recordedAt, (pem) => scope.ledger.key(pem));
  if (!judged.ok) {
    return rejection(reading, judged.reason, judged.detail);
  }
  const existing = scope.ledger.record(reading.meterId, reading.seq);
  if (existing !== undefined) {
    return existing.readingDigest === judged.readingDigest
      ? { status: 'duplicate', measurement: existing }
      : rejection(reading, 'SEQ_REPLAYED', `seq ${String(reading.seq)} was recorded for another reading`);
  }
  const progress = scope.ledger.progress(reading.meterId);
  if (progress !== undefined && reading.seq <= progress.lastSeq) {
    return rejection(reading, 'SEQ_OUT_OF_ORDER', `seq ${String(progress.lastSeq)} is recorded already`);
  }
  const computed = scope.compute(reading.kind, reading.payload);
  if (!computed.ok) {
    return rejection(reading, reasonOfLr(computed.code), computed.detail, computed.code);
  }
  const slotRefused = feSlotRefusal(scope.ledger, reading, computed.result);
  if (slotRefused !== undefined) {
    return rejection(reading, slotRefused.reason, slotRefused.detail, slotRefused.lrCode);
  }
  const record = measurementOf(scope, reading, judged, withTotal(computed.result, progress));
  const measurement = scope.ledger.write(record, nextProgress(progress, record));
  return { status: 'recorded', measurement };
}

/** Malformed sensor data and unknown kinds keep their own reasons; everything else the LR refuses is implausible. */
function reasonOfLr(code: LrRejectionCode): ReadingRejectionReason {
  return code === 'KIND_UNSUPPORTED' || code === 'PAYLOAD_INVALID' ? code : 'SENSOR_DATA_IMPLAUSIBLE';
}

function rejection(
  reading: Readonly<Reading>,
  reason: ReadingRejectionReason,
  detail: string,
  lrCode?: string,
): ReadingOutcome {
  return {
    status: 'rejected',
    meterId: reading.meterId,
    seq: reading.seq,
    reason,
    detail: detail.slice(0, MAX_DETAIL_LENGTH),
    ...(lrCode === undefined ? {} : { lrCode }),
  };
}

function withTotal(result: LrResult, progress: MeterProgress | undefined): MeasurementRecord['result'] {
  return result.kind === 'energy'
    ? { ...result, meterTotalWh: (progress?.totalEnergyWh ?? 0) + result.energyWh }
    : result;
}

function measurementOf(
  scope: BatchScope,
  reading: Readonly<Reading>,
  judged: Readonly<{ readingDigest: string; keyFingerprint: string }>,
  result: MeasurementRecord['result'],
): MeasurementRecord {
  return {
    meterId: reading.meterId,
    seq: reading.seq,
    kind: reading.kind,
    measuredAt: normalizeTimestamp(reading.measuredAt),
    result,
    readingDigest: judged.readingDigest,
    keyFingerprint: judged.keyFingerprint,
    lrFingerprint: CHAINCODE_FINGERPRINT,
    recordedBy: scope.recordedBy,
    recordedAt: scope.recordedAt,
    txId: scope.txId,
  };
}

function nextProgress(previous: MeterProgress | undefined, record: MeasurementRecord): MeterProgress {
  const energy = record.result.kind === 'energy' ? record.result.meterTotalWh : undefined;
  const total = energy ?? previous?.totalEnergyWh;
  return {
    meterId: record.meterId,
    lastSeq: record.seq,
    lastMeasuredAt: record.measuredAt,
    recorded: (previous?.recorded ?? 0) + 1,
    ...(total === undefined ? {} : { totalEnergyWh: total }),
  };
}
