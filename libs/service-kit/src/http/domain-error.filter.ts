import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  type HttpStatus,
  Inject,
  type Type,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainError } from '@metrochain/errors';

/** Body of every coded error answer. */
export interface ErrorBody {
  code: string;
  message: string;
}

export type HttpStatusOf = (error: DomainError) => HttpStatus;

/**
 * An exception filter answering DomainErrors with `{code, message}` and the status `statusOf` gives; other errors
 * keep Nest's handling. Each service passes its own table of codes, so the mapping stays next to its API.
 */
export function domainErrorFilter(statusOf: HttpStatusOf): Type<ExceptionFilter<DomainError>> {
  @Catch(DomainError)
  class DomainErrorFilter implements ExceptionFilter<DomainError> {
    readonly #adapterHost: HttpAdapterHost;

    constructor(@Inject(HttpAdapterHost) adapterHost: HttpAdapterHost) {
      this.#adapterHost = adapterHost;
    }

    catch(error: DomainError, host: ArgumentsHost): void {
      const body: ErrorBody = { code: error.code, message: error.message };
      this.#adapterHost.httpAdapter.reply(host.switchToHttp().getResponse(), body, statusOf(error));
    }
  }
  return DomainErrorFilter;
}
