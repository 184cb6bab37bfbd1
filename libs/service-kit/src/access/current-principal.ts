import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import { PlatformErrorCode, type Principal } from '@metrochain/contracts';
import type { AuthenticatedRequest } from './access.guard';
import { accessError } from './access.guard';

/** The authenticated caller of a route declared with Allow(); a handler of a public route has none. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (principal === undefined) {
      throw accessError(PlatformErrorCode.UNAUTHENTICATED, 'this route has no authenticated principal');
    }
    return principal;
  },
);
