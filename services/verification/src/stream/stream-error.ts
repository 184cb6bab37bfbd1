import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus, Inject } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainError } from '@metrochain/errors';

/** Codes the auditor stream answers with before any event is sent. */
export const StreamErrorCode = {
  REQUEST_INVALID: 'REQUEST_INVALID',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  // No auditor is configured: the stream stays closed rather than open to everyone.
  STREAM_DISABLED: 'STREAM_DISABLED',
} as const;
export type StreamErrorCode = (typeof StreamErrorCode)[keyof typeof StreamErrorCode];

export function streamError(code: StreamErrorCode, message: string): DomainError<StreamErrorCode> {
  return new DomainError({ code, message });
}

const STATUS: Readonly<Record<string, HttpStatus>> = {
  [StreamErrorCode.REQUEST_INVALID]: HttpStatus.BAD_REQUEST,
  [StreamErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [StreamErrorCode.STREAM_DISABLED]: HttpStatus.SERVICE_UNAVAILABLE,
};

export function streamHttpStatus(error: DomainError): HttpStatus {
  return STATUS[error.code] ?? HttpStatus.INTERNAL_SERVER_ERROR;
}

/**
 * Answers the stream's DomainErrors with `{code, message}`; a 401 also names the scheme (`WWW-Authenticate:
 * Bearer`, RFC 6750), which the platform's generic filter cannot add.
 */
@Catch(DomainError)
export class StreamErrorFilter implements ExceptionFilter<DomainError> {
  readonly #adapterHost: HttpAdapterHost;

  constructor(@Inject(HttpAdapterHost) adapterHost: HttpAdapterHost) {
    this.#adapterHost = adapterHost;
  }

  catch(error: DomainError, host: ArgumentsHost): void {
    const adapter = this.#adapterHost.httpAdapter;
    const response: unknown = host.switchToHttp().getResponse();
    const status = streamHttpStatus(error);
    if (status === HttpStatus.UNAUTHORIZED) {
      adapter.setHeader(response, 'www-authenticate', 'Bearer realm="verifications"');
    }
    adapter.reply(response, { code: error.code, message: error.message }, status);
  }
}
