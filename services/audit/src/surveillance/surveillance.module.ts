import {
  type FactoryProvider,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { TopicName } from '@metrochain/contracts';
import {
  type ConsumedEvent,
  EventConsumer,
  type KafkaClient,
  PIPELINE_FETCH_CONFIG,
} from '@metrochain/messaging';
import type { Alarm } from '@metrochain/surveillance';
import { ConsumerHost, KAFKA_CLIENT } from '@metrochain/service-kit';
import { type SurveillanceConfig, loadSurveillanceConfig } from '../config/surveillance.config';
import { FindingsService } from '../findings/findings.service';
import { SurveillanceController } from './surveillance.controller';
import { SurveillanceEngine } from './surveillance-engine';

const SURVEILLANCE_CONFIG = Symbol('SURVEILLANCE_CONFIG');

/** Turns the detectors' alarms into findings (one per open problem: the findings store dedupes). */
@Injectable()
export class AlarmReporter implements OnApplicationBootstrap, OnModuleDestroy {
  readonly #findings: FindingsService;
  readonly #engine: SurveillanceEngine;
  readonly #config: SurveillanceConfig;
  readonly #logger = new Logger('Surveillance');
  #timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(FindingsService) findings: FindingsService,
    @Inject(SurveillanceEngine) engine: SurveillanceEngine,
    @Inject(SURVEILLANCE_CONFIG) config: SurveillanceConfig,
  ) {
    this.#findings = findings;
    this.#engine = engine;
    this.#config = config;
  }

  onApplicationBootstrap(): void {
    this.#timer = setInterval(() => {
      void this.report(this.#engine.check(Date.now()));
    }, this.#config.checkIntervalMs);
    this.#timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.#timer);
  }

  async report(alarms: readonly Alarm[]): Promise<void> {
    for (const alarm of alarms) {
      try {
        await this.#findings.report(
          {
            subject: alarm.meterId === undefined ? 'fleet:all' : `meter:${alarm.meterId}`,
            category: alarm.category,
            severity: alarm.severity,
            summary: alarm.summary,
            evidence:
              alarm.meterId === undefined ? alarm.evidence : { meterId: alarm.meterId, ...alarm.evidence },
          },
          { dedupeKey: alarm.dedupeKey },
        );
      } catch (error) {
        this.#logger.error(
          `could not report ${alarm.category} of ${alarm.meterId ?? 'the fleet'}: ${String(error)}`,
        );
      }
    }
  }
}

/**
 * The topics that carry every reading: their consumers fetch in batches (PIPELINE_FETCH_CONFIG). With kafkajs's
 * default of one byte per fetch, these two consumers alone asked the broker for a fetch per record or two under load.
 */
const BUSY_TOPICS: ReadonlySet<TopicName> = new Set(['readings.received.v1', 'measurements.recorded.v1']);

function host<T extends TopicName>(
  topic: T,
  handle: (engine: SurveillanceEngine, event: Readonly<ConsumedEvent<T>>) => Alarm[],
): FactoryProvider<ConsumerHost<T>> {
  const fetch = BUSY_TOPICS.has(topic) ? { fetch: PIPELINE_FETCH_CONFIG } : {};
  return {
    provide: Symbol(`surveillance ${topic}`),
    useFactory: (kafka: KafkaClient, engine: SurveillanceEngine, reporter: AlarmReporter): ConsumerHost<T> =>
      new ConsumerHost<T>(
        // Own group per topic: the audit service sees every event, apart from the NMI's other consumers.
        new EventConsumer({
          kafka,
          topic,
          groupId: `audit-surveillance-${topic}`,
          fromBeginning: false,
          ...fetch,
        }),
        (event) => reporter.report(handle(engine, event)),
      ),
    inject: [KAFKA_CLIENT, SurveillanceEngine, AlarmReporter],
  };
}

/**
 * Statistical market surveillance (docs/surveillance.md): readings.received.v1 (seqs, raw payload digests, clocks),
 * measurements.recorded.v1 and readings.rejected.v1 (outcomes and speeds) → libs/surveillance's detectors → findings.
 */
@Module({
  controllers: [SurveillanceController],
  providers: [
    { provide: SURVEILLANCE_CONFIG, useFactory: () => loadSurveillanceConfig() },
    {
      provide: SurveillanceEngine,
      useFactory: (config: SurveillanceConfig) => new SurveillanceEngine(config),
      inject: [SURVEILLANCE_CONFIG],
    },
    AlarmReporter,
    host('readings.received.v1', (engine, event) => engine.received(event.value)),
    host('measurements.recorded.v1', (engine, event) => engine.recorded(event.value, Date.now())),
    host('readings.rejected.v1', (engine, event) => engine.rejected(event.value, Date.now())),
  ],
})
export class SurveillanceModule {}
