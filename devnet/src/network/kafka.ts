import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KAFKA_TOPIC_LAYOUT } from '@metrochain/deployment';
import { exec } from '../exec';
import { detail, step } from '../log';
import { cachePaths } from '../paths';
import type { ProcessSpec } from '../process/supervisor';
import type { KafkaBrokerSpec } from '../topology';
import { waitUntilHealthy, type NetworkContext } from './context';

const CLASSPATH = path.join(cachePaths.kafkaLibs, '*');
const JVM_OPTIONS = ['-Xms128m', '-Xmx512m', '-XX:+UseG1GC', '-Djava.awt.headless=true'];

function serverProperties(ctx: NetworkContext, broker: KafkaBrokerSpec, logDir: string): string {
  const voters = ctx.topology.kafka
    .map((b) => `${String(b.nodeId)}@127.0.0.1:${String(b.controllerPort)}`)
    .join(',');
  const replication = Math.min(3, ctx.topology.kafka.length);
  return [
    'process.roles=broker,controller',
    `node.id=${String(broker.nodeId)}`,
    `controller.quorum.voters=${voters}`,
    `listeners=PLAINTEXT://127.0.0.1:${String(broker.port)},CONTROLLER://127.0.0.1:${String(broker.controllerPort)}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${String(broker.port)}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${logDir}`,
    `num.partitions=${String(KAFKA_TOPIC_LAYOUT.partitions)}`,
    `default.replication.factor=${String(replication)}`,
    `offsets.topic.replication.factor=${String(replication)}`,
    `transaction.state.log.replication.factor=${String(replication)}`,
    `transaction.state.log.min.isr=${String(Math.min(2, replication))}`,
    `min.insync.replicas=${String(Math.min(KAFKA_TOPIC_LAYOUT.minInsyncReplicas, replication))}`,
    'auto.create.topics.enable=false',
    'group.initial.rebalance.delay.ms=0',
    `log.retention.hours=${String(KAFKA_TOPIC_LAYOUT.retentionHours)}`,
    '',
  ].join('\n');
}

/** log4j2 (Kafka 4's logging) to stdout, which the supervisor writes to logs/kafka-<n>.log. */
const LOG4J2 = [
  'status=warn',
  'appender.stdout.type=Console',
  'appender.stdout.name=STDOUT',
  'appender.stdout.layout.type=PatternLayout',
  'appender.stdout.layout.pattern=[%d] %p %m (%c)%n',
  'rootLogger.level=INFO',
  'rootLogger.appenderRef.stdout.ref=STDOUT',
  'logger.kafka.name=kafka',
  'logger.kafka.level=INFO',
  'logger.apache.name=org.apache.kafka',
  'logger.apache.level=WARN',
  '',
].join('\n');

function loggingOption(configDir: string): string {
  return `-Dlog4j2.configurationFile=${path.join(configDir, 'log4j2.properties')}`;
}

export function kafkaSpec(ctx: NetworkContext, broker: KafkaBrokerSpec): ProcessSpec {
  const configDir = path.join(ctx.paths.config, `kafka-${String(broker.nodeId)}`);
  return {
    name: `kafka-${String(broker.nodeId)}`,
    kind: 'kafka',
    command: 'java',
    args: [
      ...JVM_OPTIONS,
      loggingOption(configDir),
      '-cp',
      CLASSPATH,
      'kafka.Kafka',
      path.join(configDir, 'server.properties'),
    ],
    health: { type: 'tcp', host: '127.0.0.1', port: broker.port },
  };
}

/**
 * A fresh KRaft cluster id: 16 random bytes in base64url, never starting with '-'. The storage tool would read such
 * an id as an option and refuse to format (1 start in 64 failed that way); Kafka's own Uuid.randomUuid skips them too.
 */
export function newClusterId(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const id = random(16).toString('base64url');
    if (!id.startsWith('-')) {
      return id;
    }
  }
}

/** KRaft brokers (combined broker+controller), storage formatted with one fresh cluster id. */
export async function startKafka(ctx: NetworkContext): Promise<void> {
  step(`starting Kafka (${String(ctx.topology.kafka.length)} KRaft node(s))`);
  const clusterId = newClusterId();
  for (const broker of ctx.topology.kafka) {
    const configDir = path.join(ctx.paths.config, `kafka-${String(broker.nodeId)}`);
    const logDir = path.join(ctx.paths.data, `kafka-${String(broker.nodeId)}`);
    mkdirSync(configDir, { recursive: true });
    mkdirSync(logDir, { recursive: true });
    const properties = path.join(configDir, 'server.properties');
    writeFileSync(properties, serverProperties(ctx, broker, logDir));
    writeFileSync(path.join(configDir, 'log4j2.properties'), LOG4J2);
    await exec('java', [
      ...JVM_OPTIONS,
      loggingOption(configDir),
      '-cp',
      CLASSPATH,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId,
      '-c',
      properties,
      '--ignore-formatted',
    ]);
    ctx.supervisor.start(kafkaSpec(ctx, broker));
  }
  // A KRaft quorum of three only becomes healthy once all of its voters run, so wait after starting them all.
  for (const broker of ctx.topology.kafka) {
    await waitUntilHealthy(ctx, kafkaSpec(ctx, broker), 90_000);
    detail(`kafka-${String(broker.nodeId)} on 127.0.0.1:${String(broker.port)}`);
  }
}
