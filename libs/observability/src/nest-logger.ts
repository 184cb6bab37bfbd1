import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

type PinoMethod = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Routes Nest's log calls into the service's pino logger: `log` → info, `verbose` → trace, the rest by name. Nest
 * passes its context (the class that logs) as the last string argument and, for errors, a stack before it.
 */
export class NestPinoLogger implements LoggerService {
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  log(message: unknown, ...optionalParams: unknown[]): void {
    this.#write('info', message, optionalParams);
  }

  error(message: unknown, ...optionalParams: unknown[]): void {
    this.#write('error', message, optionalParams);
  }

  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.#write('warn', message, optionalParams);
  }

  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.#write('debug', message, optionalParams);
  }

  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.#write('trace', message, optionalParams);
  }

  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.#write('fatal', message, optionalParams);
  }

  #write(method: PinoMethod, message: unknown, optionalParams: readonly unknown[]): void {
    const { context, stack } = splitParams(method, optionalParams);
    const fields: Record<string, unknown> = context === undefined ? {} : { context };
    if (message instanceof Error) {
      this.#logger[method]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      const { msg, ...rest } = message as Record<string, unknown>;
      this.#logger[method]({ ...fields, ...rest }, typeof msg === 'string' ? msg : undefined);
    } else {
      this.#logger[method](stack === undefined ? fields : { ...fields, stack }, String(message));
    }
  }
}

function splitParams(
  method: PinoMethod,
  params: readonly unknown[],
): { context: string | undefined; stack: string | undefined } {
  const last = params.at(-1);
  const context = typeof last === 'string' ? last : undefined;
  const first = params[0];
  // Nest's `error(message, stack, context)`; with one string argument it is the context.
  const stack = method === 'error' && params.length >= 2 && typeof first === 'string' ? first : undefined;
  return { context, stack };
}
