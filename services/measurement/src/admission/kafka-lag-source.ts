import { PIPELINE_GROUPS } from '@metrochain/contracts';
import { type GroupLagAdminPort, pipelineLag } from '@metrochain/messaging';
import type { LagReading, LagSource } from './ingest-admission';

/**
 * The pipeline's lag from Kafka: the verification group on readings.received.v1 (one record per reading) plus the
 * recorder group on readings.verified.v1, from committed offsets and high watermarks. The recorder commits a
 * reading once it is recorded (or refused by the ledger), so its committed offsets count the readings drained.
 */
export class KafkaLagSource implements LagSource {
  readonly #admin: GroupLagAdminPort;

  constructor(admin: GroupLagAdminPort) {
    this.#admin = admin;
  }

  async read(): Promise<LagReading> {
    const { lag, stages } = await pipelineLag(this.#admin, [
      PIPELINE_GROUPS.verification,
      PIPELINE_GROUPS.recorder,
    ]);
    const recorder = stages.find((stage) => stage.groupId === PIPELINE_GROUPS.recorder.groupId);
    return { inFlight: lag, drained: recorder?.committed ?? 0 };
  }
}
