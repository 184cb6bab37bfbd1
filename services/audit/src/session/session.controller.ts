import { Body, Controller, Delete, HttpCode, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  PlatformErrorCode,
  type SessionResponse,
  sessionRequestSchema,
  sessionResponseSchema,
} from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import {
  BodyLimit,
  ErrorBodyDto,
  Public,
  SERVICE_CONTEXT,
  SESSION_COOKIE,
  type ServiceContext,
  TokenVerifier,
  parseRequest,
  zodDto,
} from '@metrochain/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditConfig } from '../config/audit.config';

class SessionRequestDto extends zodDto(sessionRequestSchema) {}
class SessionResponseDto extends zodDto(sessionResponseSchema) {}

/** A browser session lasts at most this long, whatever the token's own expiry. */
export const SESSION_MAX_SECONDS = 8 * 3600;

/**
 * Browser sessions of auditors: the login page posts an NMI-issued token, which is verified like a bearer token
 * and kept in an HttpOnly, SameSite=Strict cookie (never in script-readable storage). AccessGuard reads it back.
 */
@ApiTags('session')
@Controller('api/session')
@Public()
export class SessionController {
  readonly #verifier: TokenVerifier;

  constructor(@Inject(SERVICE_CONTEXT) context: ServiceContext<AuditConfig>) {
    this.#verifier = new TokenVerifier(context.profile.identity.issuers);
  }

  @Post()
  @BodyLimit(8192)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiUnauthorizedResponse({
    type: ErrorBodyDto,
    description: 'TOKEN_INVALID: not a token of a trusted NMI.',
  })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'ACCESS_FORBIDDEN: not an auditor.' })
  async open(
    @Body() body: SessionRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    const { token } = parseRequest(sessionRequestSchema, body);
    const principal = await this.#verifier.verify(token);
    if (principal.role !== 'auditor') {
      throw new DomainError({
        code: PlatformErrorCode.ACCESS_FORBIDDEN,
        message: `only auditors may open a dashboard session (role ${principal.role})`,
      });
    }
    const expiresAt = Math.min(expiryOf(token), Date.now() / 1000 + SESSION_MAX_SECONDS);
    const maxAge = Math.max(0, Math.floor(expiresAt - Date.now() / 1000));
    void reply.header('set-cookie', sessionCookie(token, maxAge, isSecure(request)));
    return {
      name: principal.name,
      role: principal.role,
      issuer: principal.issuer,
      expiresAt: new Date(expiresAt * 1000).toISOString(),
    };
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The session cookie is cleared.' })
  close(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): void {
    void reply.header('set-cookie', sessionCookie('', 0, isSecure(request)));
  }
}

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  const attributes = [
    `${SESSION_COOKIE}=${token}`,
    'HttpOnly',
    'SameSite=Strict',
    'Path=/',
    `Max-Age=${maxAgeSeconds}`,
  ];
  return (secure ? [...attributes, 'Secure'] : attributes).join('; ');
}

/** The token's `exp` (seconds); the verifier already required it. */
function expiryOf(token: string): number {
  const payload = token.split('.')[1] ?? '';
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
  return typeof claims.exp === 'number' ? claims.exp : 0;
}

function isSecure(request: FastifyRequest): boolean {
  return request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https';
}
