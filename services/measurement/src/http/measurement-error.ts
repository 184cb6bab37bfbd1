import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@metrochain/errors';
import { domainErrorFilter } from '@metrochain/service-kit';

/** The codes of the measurement API (libs/contracts `api/measurement-api.ts`). */
export const MeasurementErrorCode = {
  REQUEST_INVALID: 'REQUEST_INVALID',
  BATCH_TOO_LARGE: 'BATCH_TOO_LARGE',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  READING_UNKNOWN: 'READING_UNKNOWN',
  INGEST_UNAVAILABLE: 'INGEST_UNAVAILABLE',
} as const;
export type MeasurementErrorCode = (typeof MeasurementErrorCode)[keyof typeof MeasurementErrorCode];

export const MEASUREMENT_HTTP_STATUS: Readonly<Record<MeasurementErrorCode, HttpStatus>> = {
  REQUEST_INVALID: HttpStatus.BAD_REQUEST,
  BATCH_TOO_LARGE: HttpStatus.BAD_REQUEST,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  READING_UNKNOWN: HttpStatus.NOT_FOUND,
  INGEST_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
};

export function measurementError(
  code: MeasurementErrorCode,
  message: string,
  options: Readonly<{ retriable?: boolean; cause?: unknown }> = {},
): DomainError<MeasurementErrorCode> {
  return new DomainError({ code, message, ...options });
}

/** The API's own codes map by the table; anything else coded is a 500. */
export function measurementHttpStatus(error: DomainError): HttpStatus {
  return (
    (MEASUREMENT_HTTP_STATUS as Readonly<Record<string, HttpStatus>>)[error.code] ??
    HttpStatus.INTERNAL_SERVER_ERROR
  );
}

export const MeasurementErrorFilter = domainErrorFilter(measurementHttpStatus);
