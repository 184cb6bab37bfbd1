export {
  AUDIT_FINDING_CATEGORIES,
  AUDIT_FINDING_SEVERITIES,
  type AuditFindingCategory,
  type AuditFindingSeverity,
  type AuditFindingsV1,
  auditFindingsV1KeySchema,
  auditFindingsV1ValueSchema,
  auditSubjectSchema,
} from './audit-findings/audit-findings.v1';
export {
  type BillingStatementsV1,
  billingStatementsV1KeySchema,
  billingStatementsV1ValueSchema,
} from './billing-statements/billing-statements.v1';
export { EVENT_SAMPLES, type EventSample, type EventSamples } from './event-samples';
export {
  type MeasurementResult,
  type MeasurementsRecordedV1,
  measurementResultSchema,
  measurementsRecordedV1KeySchema,
  measurementsRecordedV1ValueSchema,
} from './measurements-recorded/measurements-recorded.v1';
export {
  METER_LIFECYCLE_EVENT_TYPES,
  METER_STATUSES,
  type MeterLifecycleEventType,
  type MeterLifecycleV1,
  type MeterStatus,
  meterLifecycleV1KeySchema,
  meterLifecycleV1ValueSchema,
} from './meter-lifecycle/meter-lifecycle.v1';
export {
  type ReadingsReceivedV1,
  readingsReceivedV1KeySchema,
  readingsReceivedV1ValueSchema,
} from './readings-received/readings-received.v1';
export {
  type ReadingsRejectedV1,
  REJECTION_STAGES,
  readingsRejectedV1KeySchema,
  readingsRejectedV1ValueSchema,
} from './readings-rejected/readings-rejected.v1';
export {
  type ReadingsVerifiedV1,
  readingsVerifiedV1KeySchema,
  readingsVerifiedV1ValueSchema,
} from './readings-verified/readings-verified.v1';
export {
  accountIdSchema,
  base64Schema,
  blockNumberSchema,
  isoDaySchema,
  isoMonthSchema,
  isoTimestampSchema,
  meterIdSchema,
  mspIdSchema,
  publicKeyPemSchema,
  sequenceNumberSchema,
  sha256HexSchema,
  txIdSchema,
} from './shared/event-primitives';
export {
  MAX_PAYLOAD_DEPTH,
  READING_KINDS,
  type Reading,
  type ReadingKind,
  type SignableReading,
  digestOfSignedText,
  readingDigestOf,
  readingSchema,
  signedTextOf,
} from './shared/reading';
export {
  READING_REJECTION_REASONS,
  type ReadingRejectionReason,
  readingRejectionReasonSchema,
} from './shared/reading-rejection-reason';
export {
  type DeadLetterTopicName,
  EVENT_CATALOGUE,
  type EventCatalogue,
  type EventKey,
  type EventValue,
  TOPIC_NAMES,
  type TopicDefinition,
  type TopicName,
  deadLetterTopicOf,
  isTopicName,
} from './topics';
export { EventErrorCode, type EventPart, validateEvent, validateEventKey } from './validate-event';
export {
  VERIFICATION_SOURCES,
  VERIFIED_METER_STATUSES,
  type VerificationRecord,
  type VerificationsV1,
  verificationIdSchema,
  verificationsV1KeySchema,
  verificationsV1ValueSchema,
} from './verifications/verifications.v1';
export { verificationLeafBytes, verificationLeafJson } from './verifications/verification-leaf';
export { PIPELINE_GROUPS } from './consumer-groups';
