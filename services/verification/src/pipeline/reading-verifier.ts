import type { Reading, ReadingsReceivedV1 } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import type { EventProducer, PublishMetadata } from '@metrochain/messaging';
import canonicalize from 'canonicalize';
import type { VerificationEngine } from '../verify/verification.engine';

export const PipelineErrorCode = { VERIFICATION_UNAVAILABLE: 'VERIFICATION_UNAVAILABLE' } as const;

/** The bytes a meter signs: the RFC 8785 canonical JSON of the reading without its signature. */
export function signedBytesOf(reading: Readonly<Reading>): string {
  const signed = Object.fromEntries(Object.entries(reading).filter(([field]) => field !== 'signature'));
  const text = canonicalize(signed);
  if (text === undefined) {
    throw new TypeError(`reading ${reading.meterId}/${String(reading.seq)} cannot be canonicalised`);
  }
  return text;
}

/**
 * The pipeline step between ingest and measurement: each received reading is checked and logged like any API
 * check, then forwarded to `readings.verified.v1` or, with its reason, to `readings.rejected.v1` — never dropped.
 * A failure on the way (ledger, Redis, Kafka down) is retriable: nothing was forwarded, so the consumer tries again.
 */
export class ReadingVerifier {
  readonly #engine: Pick<VerificationEngine, 'verify'>;
  readonly #producer: Pick<EventProducer, 'publish'>;

  constructor(engine: Pick<VerificationEngine, 'verify'>, producer: Pick<EventProducer, 'publish'>) {
    this.#engine = engine;
    this.#producer = producer;
  }

  async handle(event: Readonly<ReadingsReceivedV1>, metadata: Readonly<PublishMetadata> = {}): Promise<void> {
    try {
      await this.#verifyAndForward(event.reading, metadata);
    } catch (cause) {
      throw new DomainError({
        code: PipelineErrorCode.VERIFICATION_UNAVAILABLE,
        message: `reading ${event.reading.meterId}/${String(event.reading.seq)} could not be verified now`,
        retriable: true,
        details: { cause: String(cause) },
      });
    }
  }

  async #verifyAndForward(reading: Readonly<Reading>, metadata: Readonly<PublishMetadata>): Promise<void> {
    const record = await this.#engine.verify({
      source: 'pipeline',
      meterId: reading.meterId,
      seq: reading.seq,
      data: signedBytesOf(reading),
      signature: reading.signature,
      measuredAt: reading.measuredAt,
    });
    if (record.outcome === 'valid') {
      await this.#producer.publish(
        'readings.verified.v1',
        reading.meterId,
        { reading, verifiedBy: record.verifiedBy, verifiedAt: record.checkedAt },
        metadata,
      );
      return;
    }
    await this.#producer.publish(
      'readings.rejected.v1',
      reading.meterId,
      {
        reading,
        reason: record.reason,
        detail: `verification ${record.verificationId}: meter ${record.meterStatus}`,
        rejectedBy: record.verifiedBy,
        rejectedAt: record.checkedAt,
      },
      metadata,
    );
  }
}
