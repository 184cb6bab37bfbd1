import {
  MAX_MEASUREMENT_QUERY_LIMIT,
  type MeasurementRecord,
  type QueryMeasurementsResult,
  measurementKeySchema,
  queryMeasurementsRequestSchema,
  queryMeasurementsResultSchema,
} from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { ChaincodeError } from '../common/chaincode-error';
import { toCanonicalJson } from '../common/state';
import { parseJsonArgument, validateArgument } from '../common/validate-argument';
import { instantOf } from '../registry/meter-timeline';
import {
  type RecordPage,
  findProgress,
  findRecord,
  readRecordPage,
  recordBookmark,
} from './measurement-state';

type QueryRequest = ReturnType<typeof queryMeasurementsRequestSchema.parse>;

/** Records one query reads at most, matching or not: bounds the cost of a narrow time range over a long history. */
export const MAX_SCANNED_RECORDS = 10 * MAX_MEASUREMENT_QUERY_LIMIT;

export function parseQueryRequest(requestJson: string): QueryRequest {
  return parseJsonArgument(queryMeasurementsRequestSchema, requestJson, 'measurement query');
}

export function parseMeasurementKey(meterId: string, seq: string): { meterId: string; seq: number } {
  const number = /^(0|[1-9][0-9]{0,15})$/.test(seq) ? Number(seq) : Number.NaN;
  return validateArgument(measurementKeySchema, { meterId, seq: number }, 'measurement key');
}

export async function getMeasurement(ctx: Context, meterId: string, seq: number): Promise<string> {
  const record = await findRecord(ctx, meterId, seq);
  if (record === undefined) {
    throw new ChaincodeError('MEASUREMENT_NOT_FOUND', `no measurement of ${meterId} seq ${String(seq)}`, {
      meterId,
      seq,
    });
  }
  return toCanonicalJson(record);
}

export async function getMeterProgress(ctx: Context, meterId: string): Promise<string> {
  const progress = await findProgress(ctx, meterId);
  if (progress === undefined) {
    throw new ChaincodeError('METER_PROGRESS_NOT_FOUND', `nothing recorded for ${meterId}`, { meterId });
  }
  return toCanonicalJson(progress);
}

/**
 * A meter's measurements measured in [from, to), in `seq` order (the keys' order), after `afterSeq`. The scan starts
 * at `afterSeq + 1` and reads at most MAX_SCANNED_RECORDS records, so a call costs the same however long the meter's
 * history; `nextAfterSeq` continues it whenever more may follow, even when a narrow time range filled no page.
 */
export async function queryMeasurements(ctx: Context, request: QueryRequest): Promise<string> {
  const measurements: MeasurementRecord[] = [];
  let bookmark =
    request.afterSeq === undefined ? '' : recordBookmark(ctx, request.meterId, request.afterSeq + 1);
  let scanned = 0;
  let lastSeq: number | undefined;
  let page: RecordPage;
  do {
    const pageSize = Math.min(request.limit + 1, MAX_SCANNED_RECORDS - scanned);
    page = await readRecordPage(ctx, request.meterId, pageSize, bookmark);
    for (const record of page.records) {
      if (measuredWithin(record, request)) {
        if (measurements.length === request.limit) {
          return pageResult(measurements, lastSeq);
        }
        measurements.push(record);
      }
      lastSeq = record.seq;
    }
    scanned += page.records.length;
    bookmark = page.bookmark;
  } while (bookmark !== '' && page.records.length > 0 && scanned < MAX_SCANNED_RECORDS);
  return pageResult(measurements, bookmark === '' ? undefined : lastSeq);
}

function pageResult(measurements: MeasurementRecord[], nextAfterSeq: number | undefined): string {
  const result: QueryMeasurementsResult = {
    measurements,
    ...(nextAfterSeq === undefined ? {} : { nextAfterSeq }),
  };
  return toCanonicalJson(queryMeasurementsResultSchema.parse(result));
}

function measuredWithin(record: MeasurementRecord, request: QueryRequest): boolean {
  const at = instantOf(record.measuredAt);
  return (
    (request.from === undefined || at >= instantOf(request.from)) &&
    (request.to === undefined || at < instantOf(request.to))
  );
}
