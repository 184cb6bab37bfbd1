import type {
  MeasurementRecord,
  MeasurementsRecordedV1,
  ReadingOutcome,
  ReadingsRejectedV1,
} from '@metrochain/contracts';
import type { EventEntry } from '@metrochain/messaging';
import type { ReadingStatusChange } from '../status/reading-status';
import type { CommittedBatch } from './measurement-ledger';
import type { VerifiedReading } from './verified-reading';

/** What a committed batch leads to: events, status changes, and the measurements new in it (for the stats). */
export interface BatchEffects {
  /** Recorded and duplicate readings. */
  recorded: EventEntry<'measurements.recorded.v1'>[];
  rejected: EventEntry<'readings.rejected.v1'>[];
  statusChanges: ReadingStatusChange[];
  /** Recorded by this batch, duplicates not included. */
  newlyRecorded: MeasurementsRecordedV1[];
}

export interface EffectContext {
  /** The MSP id of this service's organisation. */
  rejectedBy: string;
  /** When the batch was found committed. */
  at: string;
}

/** Whether the outcomes answer the readings one by one, in order; anything else is not this batch's result. */
export function outcomesMatch(
  readings: readonly VerifiedReading[],
  committed: Readonly<CommittedBatch>,
): boolean {
  return (
    committed.outcomes.length === readings.length &&
    committed.outcomes.every((outcome, index) => {
      const { meterId, seq } = outcome.status === 'rejected' ? outcome : outcome.measurement;
      return meterId === readings[index]?.reading.meterId && seq === readings[index].reading.seq;
    })
  );
}

/**
 * The events and statuses of a committed batch (`outcomesMatch` must hold). A duplicate is announced again with the
 * stored record's transaction id, because the consumers of `measurements.recorded.v1` may not have seen it (the
 * recorder can have stopped between the commit and the events); its block number is the block of the transaction
 * that found the record — at or after the record's own block — because the record does not carry its block.
 */
export function effectsOf(
  readings: readonly VerifiedReading[],
  committed: Readonly<CommittedBatch>,
  context: Readonly<EffectContext>,
): BatchEffects {
  const effects: BatchEffects = { recorded: [], rejected: [], statusChanges: [], newlyRecorded: [] };
  const blockNumber = Number(committed.blockNumber);
  readings.forEach((verified, index) => {
    const outcome = committed.outcomes[index];
    if (outcome === undefined) {
      return;
    }
    if (outcome.status === 'rejected') {
      addRejection(effects, verified, outcome, context);
      return;
    }
    const value = recordedValue(outcome.measurement, blockNumber);
    effects.recorded.push({ key: value.meterId, value, ...traceOf(verified) });
    if (outcome.status === 'recorded') {
      effects.newlyRecorded.push(value);
    }
    effects.statusChanges.push({
      readingId: verified.readingId,
      update: {
        status: 'recorded',
        updatedAt: context.at,
        result: value.result,
        txId: value.txId,
        blockNumber,
      },
    });
  });
  return effects;
}

function recordedValue(
  measurement: Readonly<MeasurementRecord>,
  blockNumber: number,
): MeasurementsRecordedV1 {
  return {
    meterId: measurement.meterId,
    seq: measurement.seq,
    measuredAt: measurement.measuredAt,
    result: measurement.result,
    readingDigest: measurement.readingDigest,
    lrFingerprint: measurement.lrFingerprint,
    recordedAt: measurement.recordedAt,
    txId: measurement.txId,
    blockNumber,
  };
}

function addRejection(
  effects: BatchEffects,
  verified: Readonly<VerifiedReading>,
  outcome: Extract<ReadingOutcome, { status: 'rejected' }>,
  context: Readonly<EffectContext>,
): void {
  const value: ReadingsRejectedV1 = {
    reading: verified.reading,
    reason: outcome.reason,
    detail: outcome.detail,
    stage: 'ledger',
    ...(outcome.lrCode === undefined ? {} : { lrCode: outcome.lrCode }),
    rejectedBy: context.rejectedBy,
    rejectedAt: context.at,
  };
  effects.rejected.push({ key: verified.reading.meterId, value, ...traceOf(verified) });
  effects.statusChanges.push({
    readingId: verified.readingId,
    update: {
      status: 'rejected',
      updatedAt: context.at,
      reason: outcome.reason,
      stage: 'ledger',
      lrCode: outcome.lrCode,
      detail: outcome.detail,
    },
  });
}

function traceOf(verified: Readonly<VerifiedReading>): {
  metadata?: { trace: NonNullable<VerifiedReading['trace']> };
} {
  return verified.trace === undefined ? {} : { metadata: { trace: verified.trace } };
}
