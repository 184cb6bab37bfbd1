import {
  type VerificationRecord,
  describeValidationIssues,
  meterIdSchema,
  validationIssues,
} from '@metrochain/contracts';
import { z } from 'zod';
import { StreamErrorCode, streamError } from './stream-error';

/** The query of `GET /verifications/stream`; unknown parameters are refused so a typo never widens the stream. */
export const streamQuerySchema = z
  .object({
    meterId: meterIdSchema.optional(),
    outcome: z.enum(['valid', 'invalid']).optional(),
  })
  .strict();

/** Which records an auditor wants; an absent field matches everything. */
export type StreamFilter = z.output<typeof streamQuerySchema>;

/** Throws REQUEST_INVALID naming every bad parameter. */
export function parseStreamFilter(query: unknown): StreamFilter {
  const parsed = streamQuerySchema.safeParse(query ?? {});
  if (!parsed.success) {
    const summary = describeValidationIssues(validationIssues(parsed.error));
    throw streamError(StreamErrorCode.REQUEST_INVALID, `invalid stream query: ${summary}`);
  }
  return parsed.data;
}

export function matchesFilter(filter: Readonly<StreamFilter>, record: Readonly<VerificationRecord>): boolean {
  return (
    (filter.meterId === undefined || filter.meterId === record.meterId) &&
    (filter.outcome === undefined || filter.outcome === record.outcome)
  );
}
