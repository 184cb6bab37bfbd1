import {
  Counter,
  Gauge,
  Histogram,
  Registry,
  collectDefaultMetrics,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
} from 'prom-client';

/** Prefix of every metric a metrochain service defines itself (process metrics keep prom-client's names). */
export const METRIC_PREFIX = 'metrochain_';

/** Seconds; from 1 ms (health, status reads) to 10 s (a ledger write waiting for its block). */
export const HTTP_DURATION_BUCKETS: readonly number[] = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

type Named<C> = Omit<C, 'registers'>;

/**
 * The metrics of one process, as one prom-client registry: Node's process metrics (`process_*`, `nodejs_*`), the
 * platform's HTTP and Kafka metrics, and the domain counters each service declares here. Declaring a name twice
 * returns the first metric, so that feature modules may declare what they use without coordinating.
 */
export class Metrics {
  readonly registry: Registry;
  readonly #declared = new Map<string, Counter | Gauge | Histogram>();

  constructor(options: Readonly<{ service: string; defaultMetrics?: boolean }>) {
    this.registry = new Registry();
    this.registry.setDefaultLabels({ service: options.service });
    if (options.defaultMetrics ?? true) {
      collectDefaultMetrics({ register: this.registry });
    }
  }

  counter<L extends string>(config: Named<CounterConfiguration<L>>): Counter<L> {
    return this.#declare(config.name, () => new Counter({ ...config, registers: [this.registry] }));
  }

  gauge<L extends string>(config: Named<GaugeConfiguration<L>>): Gauge<L> {
    return this.#declare(config.name, () => new Gauge({ ...config, registers: [this.registry] }));
  }

  histogram<L extends string>(config: Named<HistogramConfiguration<L>>): Histogram<L> {
    return this.#declare(config.name, () => new Histogram({ ...config, registers: [this.registry] }));
  }

  /** The Prometheus text exposition of every metric. */
  async text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  #declare<M extends Counter | Gauge | Histogram>(name: string, create: () => M): M {
    if (!name.startsWith(METRIC_PREFIX)) {
      throw new Error(`metric ${name} must start with ${METRIC_PREFIX}`);
    }
    const existing = this.#declared.get(name);
    if (existing !== undefined) {
      return existing as M;
    }
    const metric = create();
    this.#declared.set(name, metric);
    return metric;
  }
}
