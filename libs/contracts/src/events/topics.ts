import type { z } from 'zod';
import { auditFindingsV1KeySchema, auditFindingsV1ValueSchema } from './audit-findings/audit-findings.v1';
import {
  billingStatementsV1KeySchema,
  billingStatementsV1ValueSchema,
} from './billing-statements/billing-statements.v1';
import {
  measurementsRecordedV1KeySchema,
  measurementsRecordedV1ValueSchema,
} from './measurements-recorded/measurements-recorded.v1';
import { meterLifecycleV1KeySchema, meterLifecycleV1ValueSchema } from './meter-lifecycle/meter-lifecycle.v1';
import {
  readingsReceivedV1KeySchema,
  readingsReceivedV1ValueSchema,
} from './readings-received/readings-received.v1';
import {
  readingsRejectedV1KeySchema,
  readingsRejectedV1ValueSchema,
} from './readings-rejected/readings-rejected.v1';
import {
  readingsVerifiedV1KeySchema,
  readingsVerifiedV1ValueSchema,
} from './readings-verified/readings-verified.v1';
import { verificationsV1KeySchema, verificationsV1ValueSchema } from './verifications/verifications.v1';

/** One Kafka topic: its versioned name, the schemas of its record key and value, and where poison messages go. */
export interface TopicDefinition<
  Name extends string = string,
  Key extends z.ZodType<string> = z.ZodType<string>,
  Value extends z.ZodType<unknown> = z.ZodType<unknown>,
> {
  readonly name: Name;
  readonly deadLetterTopic: `${Name}.dlt`;
  readonly key: Key;
  readonly value: Value;
}

function defineTopic<
  const Name extends string,
  Key extends z.ZodType<string>,
  Value extends z.ZodType<unknown>,
>(name: Name, key: Key, value: Value): TopicDefinition<Name, Key, Value> {
  return Object.freeze({ name, deadLetterTopic: `${name}.dlt` as const, key, value });
}

// The only place topic names are spelled out. A breaking payload change gets a new `.vN` topic, never an edit here.
const TOPIC_DEFINITIONS = [
  defineTopic('meter.lifecycle.v1', meterLifecycleV1KeySchema, meterLifecycleV1ValueSchema),
  defineTopic('readings.received.v1', readingsReceivedV1KeySchema, readingsReceivedV1ValueSchema),
  defineTopic('readings.verified.v1', readingsVerifiedV1KeySchema, readingsVerifiedV1ValueSchema),
  defineTopic('readings.rejected.v1', readingsRejectedV1KeySchema, readingsRejectedV1ValueSchema),
  defineTopic('measurements.recorded.v1', measurementsRecordedV1KeySchema, measurementsRecordedV1ValueSchema),
  defineTopic('verifications.v1', verificationsV1KeySchema, verificationsV1ValueSchema),
  defineTopic('billing.statements.v1', billingStatementsV1KeySchema, billingStatementsV1ValueSchema),
  defineTopic('audit.findings.v1', auditFindingsV1KeySchema, auditFindingsV1ValueSchema),
] as const;

type AnyTopicDefinition = (typeof TOPIC_DEFINITIONS)[number];

/** Every topic by name. */
export type EventCatalogue = { readonly [D in AnyTopicDefinition as D['name']]: D };
export type TopicName = keyof EventCatalogue;
export type DeadLetterTopicName = EventCatalogue[TopicName]['deadLetterTopic'];
/** The record key of a topic, e.g. the meter id. */
export type EventKey<T extends TopicName> = z.infer<EventCatalogue[T]['key']>;
/** The payload of a topic, e.g. `EventValue<'readings.received.v1'>`. */
export type EventValue<T extends TopicName> = z.infer<EventCatalogue[T]['value']>;

export const EVENT_CATALOGUE: EventCatalogue = Object.freeze(
  Object.fromEntries(TOPIC_DEFINITIONS.map((definition) => [definition.name, definition])),
) as EventCatalogue;

export const TOPIC_NAMES: readonly TopicName[] = Object.freeze(
  TOPIC_DEFINITIONS.map((definition) => definition.name),
);

export function isTopicName(value: unknown): value is TopicName {
  return typeof value === 'string' && Object.hasOwn(EVENT_CATALOGUE, value);
}

export function deadLetterTopicOf<T extends TopicName>(topic: T): EventCatalogue[T]['deadLetterTopic'] {
  return EVENT_CATALOGUE[topic].deadLetterTopic;
}
