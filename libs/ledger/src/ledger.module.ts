import { ConfigurableModuleBuilder, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { type ConnectLedgerOptions, type LedgerConnection, connectLedger } from './connect-ledger';
import { GovernanceClient } from './governance.client';
import { LedgerHealthIndicator } from './ledger-health.indicator';
import { LEDGER_CONNECTION } from './ledger.tokens';

export type LedgerModuleOptions = ConnectLedgerOptions;

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN } = new ConfigurableModuleBuilder<LedgerModuleOptions>({
  moduleName: 'Ledger',
})
  .setClassMethodName('register')
  .setExtras({ isGlobal: false }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();

export const LEDGER_MODULE_OPTIONS = MODULE_OPTIONS_TOKEN;

/**
 * `LedgerModule.register({ profile, org, identity })` (or `registerAsync` from config) provides the connection under
 * LEDGER_CONNECTION, the typed contract clients and a health indicator. The connection opens while modules
 * initialise and closes on application shutdown (call `enableShutdownHooks()` or `app.close()`).
 */
@Module({
  providers: [
    {
      provide: LEDGER_CONNECTION,
      useFactory: (options: LedgerModuleOptions): Promise<LedgerConnection> => connectLedger(options),
      inject: [MODULE_OPTIONS_TOKEN],
    },
    {
      provide: GovernanceClient,
      useFactory: (connection: LedgerConnection): GovernanceClient =>
        GovernanceClient.forConnection(connection),
      inject: [LEDGER_CONNECTION],
    },
    LedgerHealthIndicator,
  ],
  exports: [LEDGER_CONNECTION, GovernanceClient, LedgerHealthIndicator],
})
export class LedgerModule extends ConfigurableModuleClass implements OnApplicationShutdown {
  readonly #connection: LedgerConnection;

  constructor(@Inject(LEDGER_CONNECTION) connection: LedgerConnection) {
    super();
    this.#connection = connection;
  }

  onApplicationShutdown(): void {
    this.#connection.close();
  }
}
