import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import {
  formatReadingId,
  ingestBatchRequestSchema,
  type MeasurementStatsResponse,
  type Reading,
} from '@metrochain/contracts';
import { FakeService, coded, type Reply } from '@metrochain/tool-kit/testing';

export interface FakeMeasurement {
  service: FakeService;
  /** Every reading accepted (202), in order, with the id the service gave it. */
  accepted: { readingId: string; reading: Reading }[];
  /** Answers to give before accepting anything, one per request, e.g. 503 twice. */
  failNext: Reply[];
  /** What GET /stats answers. */
  stats: MeasurementStatsResponse | undefined;
}

/**
 * The measurement service's ingest API in memory: the contract's request schema and reading ids computed from the
 * RFC 8785 bytes here, independently of the fleet's code.
 */
export async function fakeMeasurement(): Promise<FakeMeasurement> {
  const fake: FakeMeasurement = {
    service: await FakeService.start(),
    accepted: [],
    failNext: [],
    stats: undefined,
  };
  fake.service.on('POST', /\/readings\/batch/, ({ body }) => {
    const scripted = fake.failNext.shift();
    if (scripted !== undefined) {
      return scripted;
    }
    const parsed = ingestBatchRequestSchema.safeParse(body);
    if (!parsed.success) {
      return coded(400, 'REQUEST_INVALID', parsed.error.message);
    }
    const accepted = parsed.data.readings.map((reading) => ({ readingId: idOf(reading), reading }));
    fake.accepted.push(...accepted);
    const answer = accepted.map(({ readingId, reading }) => ({
      readingId,
      meterId: reading.meterId,
      seq: reading.seq,
    }));
    return { status: 202, body: { accepted: answer, receivedAt: new Date().toISOString() } };
  });
  fake.service.on('GET', /\/stats/, () =>
    fake.stats === undefined
      ? coded(503, 'STATS_UNAVAILABLE', 'no stats yet')
      : { status: 200, body: fake.stats },
  );
  return fake;
}

function idOf(reading: Reading): string {
  const unsigned: Record<string, unknown> = { ...reading };
  delete unsigned['signature'];
  const digest = createHash('sha256')
    .update(canonicalize(unsigned) ?? '')
    .digest('hex');
  return formatReadingId(reading.meterId, reading.seq, digest);
}
