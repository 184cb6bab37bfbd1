import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from './access.guard';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Per-principal limits on every write (@nestjs/throttler): an authenticated caller is counted by its name and
 * issuer, an anonymous one (meters posting signed readings, signature checks) by its address. Reads are not
 * limited here. Runs after AccessGuard, which sets the principal.
 */
@Injectable()
export class WriteThrottlerGuard extends ThrottlerGuard {
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    const method = context.switchToHttp().getRequest<{ method: string }>().method;
    return Promise.resolve(READ_METHODS.has(method.toUpperCase()));
  }

  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const { principal } = request as Partial<AuthenticatedRequest>;
    if (principal !== undefined) {
      return Promise.resolve(`principal:${principal.issuer}/${principal.name}`);
    }
    return Promise.resolve(`client:${String(request['ip'])}`);
  }
}
