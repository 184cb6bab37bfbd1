import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { PlatformErrorCode } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import { answerOf } from '@metrochain/service-kit';
import type { FastifyReply } from 'fastify';

const LOGIN_CODES = new Set<string>([
  PlatformErrorCode.UNAUTHENTICATED,
  PlatformErrorCode.TOKEN_INVALID,
  PlatformErrorCode.ACCESS_FORBIDDEN,
]);

/** On auditor pages: an anonymous (or expired, or non-auditor) visitor is sent to the login page. */
@Catch()
export class LoginRedirectFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const code: unknown = error instanceof DomainError ? error.code : undefined;
    if (typeof code === 'string' && LOGIN_CODES.has(code)) {
      void reply.header('cache-control', 'no-store').redirect('/login', 302);
      return;
    }
    const answer = answerOf(error, () => undefined);
    void reply.status(answer.status).send(answer.body);
  }
}
