import {
  type MeasurementRecord,
  type QueryMeasurementsResult,
  measurementKeySchema,
  measurementRecordSchema,
  queryMeasurementsRequestSchema,
  queryMeasurementsResultSchema,
} from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { ChaincodeError } from '../common/chaincode-error';
import { toCanonicalJson } from '../common/state';
import { parseJsonArgument, validateArgument } from '../common/validate-argument';
import { instantOf } from '../registry/meter-timeline';
import { RECORD_OBJECT_TYPE, findProgress, findRecord } from './measurement-state';

type QueryRequest = ReturnType<typeof queryMeasurementsRequestSchema.parse>;

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
 * A meter's measurements in `seq` order (the keys' order), after `afterSeq`, measured in [from, to). The scan
 * walks the meter's keys, so a page is cheap for a meter's recent history; `nextAfterSeq` continues it.
 */
export async function queryMeasurements(ctx: Context, request: QueryRequest): Promise<string> {
  const iterator = await ctx.stub.getStateByPartialCompositeKey(RECORD_OBJECT_TYPE, [request.meterId]);
  const measurements: MeasurementRecord[] = [];
  let more = false;
  try {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const record = measurementRecordSchema.parse(
        JSON.parse(Buffer.from(next.value.value).toString('utf8')),
      );
      if (!wanted(record, request)) {
        continue;
      }
      if (measurements.length === request.limit) {
        more = true;
        break;
      }
      measurements.push(record);
    }
  } finally {
    await iterator.close();
  }
  const last = measurements.at(-1);
  const result: QueryMeasurementsResult = {
    measurements,
    ...(more && last !== undefined ? { nextAfterSeq: last.seq } : {}),
  };
  return toCanonicalJson(queryMeasurementsResultSchema.parse(result));
}

function wanted(record: MeasurementRecord, request: QueryRequest): boolean {
  const at = instantOf(record.measuredAt);
  return (
    (request.afterSeq === undefined || record.seq > request.afterSeq) &&
    (request.from === undefined || at >= instantOf(request.from)) &&
    (request.to === undefined || at < instantOf(request.to))
  );
}
