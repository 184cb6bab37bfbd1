import { Inject, Injectable } from '@nestjs/common';
import { GovernanceClient } from './governance.client';
import { toLedgerError } from './to-ledger-error';

export interface LedgerHealth {
  status: 'up' | 'down';
  detail?: string;
}

/** Reports the ledger up when the chaincode answers a read through this service's own identity and peer. */
@Injectable()
export class LedgerHealthIndicator {
  readonly #governance: Pick<GovernanceClient, 'getVersion'>;

  constructor(@Inject(GovernanceClient) governance: Pick<GovernanceClient, 'getVersion'>) {
    this.#governance = governance;
  }

  async check(): Promise<LedgerHealth> {
    try {
      const { chaincodeVersion } = await this.#governance.getVersion();
      return { status: 'up', detail: `chaincode ${chaincodeVersion}` };
    } catch (error) {
      const ledgerError = toLedgerError(error);
      return { status: 'down', detail: `${ledgerError.code}: ${ledgerError.message}` };
    }
  }
}
