import { consumerLags } from '@metrochain/messaging';
import { Metrics } from './metrics';

export const CONSUMER_LAG_METRIC = 'metrochain_kafka_consumer_lag';

/**
 * The metrics every service has: process metrics, and the lag of each partition its Kafka consumers last fetched
 * from (records behind the high watermark; a growing lag means the consumer falls behind).
 */
export function platformMetrics(service: string): Metrics {
  const metrics = new Metrics({ service });
  const lag = metrics.gauge({
    name: CONSUMER_LAG_METRIC,
    help: 'Records between the last batch fetched and the high watermark, per consumer group and partition',
    labelNames: ['group', 'topic', 'partition'],
    collect: () => {
      lag.reset();
      for (const entry of consumerLags()) {
        lag.set({ group: entry.groupId, topic: entry.topic, partition: String(entry.partition) }, entry.lag);
      }
    },
  });
  return metrics;
}
