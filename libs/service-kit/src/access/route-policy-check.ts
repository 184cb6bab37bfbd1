import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { DomainError } from '@metrochain/errors';
import { ACCESS_POLICY_METADATA, type AccessPolicy } from './access-policy';

export const ROUTE_POLICY_MISSING = 'ROUTE_POLICY_MISSING';

/**
 * Stops start-up when any route handler of any controller lacks Public() or Allow() on itself or its class, so
 * that a new route cannot be reachable before someone decided who may call it.
 */
@Injectable()
export class RoutePolicyCheck implements OnApplicationBootstrap {
  readonly #discovery: DiscoveryService;
  readonly #scanner: MetadataScanner;
  readonly #reflector: Reflector;

  constructor(
    @Inject(DiscoveryService) discovery: DiscoveryService,
    @Inject(MetadataScanner) scanner: MetadataScanner,
    @Inject(Reflector) reflector: Reflector,
  ) {
    this.#discovery = discovery;
    this.#scanner = scanner;
    this.#reflector = reflector;
  }

  onApplicationBootstrap(): void {
    const undeclared = this.undeclaredRoutes();
    if (undeclared.length > 0) {
      throw new DomainError({
        code: ROUTE_POLICY_MISSING,
        message: `routes without an access policy (Public() or Allow()): ${undeclared.join(', ')}`,
      });
    }
  }

  /** `Controller.method` of every route handler without a policy. */
  undeclaredRoutes(): string[] {
    const undeclared: string[] = [];
    for (const wrapper of this.#discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (controller === null) {
        continue;
      }
      const prototype = controller.prototype as Record<string, unknown>;
      for (const method of this.#scanner.getAllMethodNames(prototype)) {
        const handler = prototype[method] as (...args: unknown[]) => unknown;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) {
          continue;
        }
        const policy = this.#reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY_METADATA, [
          handler,
          controller,
        ]);
        if (policy === undefined) {
          undeclared.push(`${controller.name}.${method}`);
        }
      }
    }
    return undeclared;
  }
}
