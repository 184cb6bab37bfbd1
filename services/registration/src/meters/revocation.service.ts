import { type CommittedMeterView, meterIdSchema, revocationRequestSchema } from '@metrochain/contracts';
import type { RegistryClient } from '@metrochain/ledger';
import { committedView } from './committed-view';
import { parseRequest } from './parse-request';

export type RevocationRegistryPort = Pick<RegistryClient, 'revoke'>;

/**
 * Revokes meters with this NMI's registrar identity for one of its operators; the chaincode records the NMI (the
 * caller's MSP), the operator and the reason.
 */
export class RevocationService {
  readonly #registry: RevocationRegistryPort;

  constructor(options: Readonly<{ registry: RevocationRegistryPort }>) {
    this.#registry = options.registry;
  }

  /**
   * Validates id and body (REQUEST_INVALID, nothing sent otherwise), then revokes on the ledger: METER_UNKNOWN,
   * METER_REVOKED (already revoked) and INVALID_ARGUMENT (backdated beyond the limit) come from the chaincode.
   */
  async revoke(meterId: string, body: unknown, operator: string): Promise<CommittedMeterView> {
    const id = parseRequest(meterIdSchema, meterId);
    const request = parseRequest(revocationRequestSchema, body);
    const revoked = await this.#registry.revoke({
      meterId: id,
      reason: request.reason,
      operator,
      ...(request.effectiveAt === undefined ? {} : { effectiveAt: request.effectiveAt }),
    });
    return committedView(revoked);
  }
}
