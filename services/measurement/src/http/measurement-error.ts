import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@metrochain/errors';

/** The codes of the measurement API (libs/contracts `api/measurement-api.ts`). */
export const MeasurementErrorCode = {
  REQUEST_INVALID: 'REQUEST_INVALID',
  BATCH_TOO_LARGE: 'BATCH_TOO_LARGE',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  READING_UNKNOWN: 'READING_UNKNOWN',
  INGEST_UNAVAILABLE: 'INGEST_UNAVAILABLE',
  INGEST_OVERLOADED: 'INGEST_OVERLOADED',
  RATE_LIMITED: 'RATE_LIMITED',
} as const;
export type MeasurementErrorCode = (typeof MeasurementErrorCode)[keyof typeof MeasurementErrorCode];

export const MEASUREMENT_HTTP_STATUS: Readonly<Record<MeasurementErrorCode, HttpStatus>> = {
  REQUEST_INVALID: HttpStatus.BAD_REQUEST,
  BATCH_TOO_LARGE: HttpStatus.BAD_REQUEST,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  READING_UNKNOWN: HttpStatus.NOT_FOUND,
  INGEST_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  // 503 rather than 429: the client did nothing wrong; 429 stays the per-meter and per-client limit.
  INGEST_OVERLOADED: HttpStatus.SERVICE_UNAVAILABLE,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
};

export function measurementError(
  code: MeasurementErrorCode,
  message: string,
  options: Readonly<{ retriable?: boolean; cause?: unknown; details?: Record<string, unknown> }> = {},
): DomainError<MeasurementErrorCode> {
  return new DomainError({ code, message, ...options });
}

/** The API's own codes map by the table; other codes are the platform's (an unknown one is 500). */
export function measurementHttpStatus(error: DomainError): HttpStatus | undefined {
  return (MEASUREMENT_HTTP_STATUS as Readonly<Partial<Record<string, HttpStatus>>>)[error.code];
}
