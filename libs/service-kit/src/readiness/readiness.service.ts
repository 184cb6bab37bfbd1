import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { LedgerHealthIndicator } from '@metrochain/ledger';
import type { Admin } from 'kafkajs';
import { KAFKA_ADMIN, REDIS_CLIENT } from '../platform.tokens';
import { type LedgerCheck, type RedisPing, probeKafka, probeLedger, probeRedis } from './probes';
import { type Degradation, type ReadinessReport, aggregateReadiness } from './readiness';

/** A feature's own state: a Degradation while it holds back work, undefined otherwise. */
export type DegradationSource = () => Degradation | undefined;

/** Probes Kafka, Redis and the ledger in parallel on every call; nothing is cached, so a probe sees the present. */
@Injectable()
export class ReadinessService {
  readonly #kafka: Pick<Admin, 'describeCluster'>;
  readonly #redis: RedisPing;
  readonly #ledger: LedgerCheck;
  readonly #degradations: DegradationSource[] = [];

  constructor(
    @Inject(KAFKA_ADMIN) kafka: Pick<Admin, 'describeCluster'>,
    @Inject(REDIS_CLIENT) redis: RedisPing,
    @Inject(LedgerHealthIndicator) ledger: LedgerCheck,
  ) {
    this.#kafka = kafka;
    this.#redis = redis;
    this.#ledger = ledger;
  }

  /** Lets a feature report that it holds back work (readiness `degraded`); asked on every report. */
  addDegradationSource(source: DegradationSource): void {
    this.#degradations.push(source);
  }

  async report(): Promise<ReadinessReport> {
    const [kafka, redis, ledger] = await Promise.all([
      probeKafka(this.#kafka),
      probeRedis(this.#redis),
      probeLedger(this.#ledger),
    ]);
    const degraded = this.#degradations.flatMap((source) => source() ?? []);
    return aggregateReadiness({ kafka, redis, ledger }, degraded);
  }

  /** The report when ready or degraded (it still takes traffic); otherwise throws it as 503 Service Unavailable. */
  async requireReady(): Promise<ReadinessReport> {
    const report = await this.report();
    if (report.status === 'not_ready') {
      throw new ServiceUnavailableException(report);
    }
    return report;
  }
}
