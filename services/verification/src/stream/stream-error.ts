import { DomainError } from '@metrochain/errors';

/** Codes the auditor stream answers with before any event is sent (authentication is the platform's). */
export const StreamErrorCode = {
  REQUEST_INVALID: 'REQUEST_INVALID',
} as const;
export type StreamErrorCode = (typeof StreamErrorCode)[keyof typeof StreamErrorCode];

export function streamError(code: StreamErrorCode, message: string): DomainError<StreamErrorCode> {
  return new DomainError({ code, message });
}
