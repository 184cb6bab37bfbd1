import { setTimeout as delay } from 'node:timers/promises';
import type { NetworkProfile } from '@metrochain/config';
import type { Statement } from '@metrochain/contracts';
import { BillingClient, connectLedger } from '@metrochain/ledger';
import type { BillingApiClient } from '@metrochain/tool-kit';
import type { Fault, FaultContext } from '../fault-catalogue';
import { type BilledAccount, CUSTOMER, UTILITY, billingApi, setUpBilledAccount } from './billing-setup';
import { type ScenarioOutcome, describeError, required } from './scenario-outcome';
import { judgeStatement } from './statement-judgement';
import { StatementWatch } from './statement-watch';

/** The billing service's gateway peer: it is PTB's, and a service connects to its organisation's first peer. */
const GATEWAY_PEER = 'peer0.ptb';
const STATEMENT_DEADLINE_MS = 300_000;
/** After the first event, long enough for several closer passes (2 s on the local network) to publish again. */
const REPUBLISH_WATCH_MS = 10_000;

/** The account's statement of the period as the billing API shows it to the utility, once there is one. */
async function waitStatement(
  utility: BillingApiClient,
  account: Readonly<BilledAccount>,
): Promise<Statement | undefined> {
  const deadline = performance.now() + STATEMENT_DEADLINE_MS;
  while (performance.now() < deadline) {
    const listed = await utility.statements(account.accountId).catch(() => []);
    const statement = listed.find((s) => s.period === account.period);
    if (statement !== undefined) {
      return statement;
    }
    await delay(500);
  }
  return undefined;
}

/** The account's statements of the period on each NMI's own peers. */
async function ledgerStatements(
  profile: NetworkProfile,
  account: Readonly<BilledAccount>,
): Promise<Statement[][]> {
  const views: Statement[][] = [];
  for (const org of Object.keys(profile.organizations)) {
    const connection = await connectLedger({ profile, org, identity: 'billing' });
    try {
      const listed = await BillingClient.forConnection(connection).listStatements(account.accountId);
      views.push(listed.filter((s) => s.period === account.period));
    } finally {
      connection.close();
    }
  }
  return views;
}

/**
 * Scenario: a billing month becomes due (its customer issues the key the billing service bills it with) and the
 * billing service's gateway peer, an endorser of every bill, is killed at that moment, held down, and restarted. The
 * service closes the month by itself; after healing its statement must exist exactly once (one ledger record of
 * revision 1, one event) and carry the amount computed in the clear from the readings sent.
 */
export function billingCloseWhilePeerDown(): Fault {
  const watch = new StatementWatch();
  let account: BilledAccount | undefined;
  let killedAt = 0;
  let healedAt = 0;

  const prepare = async (ctx: FaultContext): Promise<void> => {
    account = await setUpBilledAccount(ctx.profile);
    await watch.start(ctx.profile.kafka.brokers, account.accountId);
  };

  const run = async (ctx: FaultContext): Promise<void> => {
    const billed = required(account);
    await billingApi(ctx.profile, CUSTOMER).issueKey(billed.accountId, {
      tariffId: billed.tariffId,
      tariffVersion: 1,
      validFrom: billed.period,
      validTo: billed.keyValidTo,
      functionalKey: billed.functionalKey,
    });
    await ctx.processes.kill(GATEWAY_PEER);
    killedAt = Date.now();
    await delay(ctx.killHoldMs);
    await ctx.processes.restart(GATEWAY_PEER);
    healedAt = Date.now();
  };

  const check = async (ctx: FaultContext): Promise<ScenarioOutcome> => {
    const billed = required(account);
    const facts: ScenarioOutcome['facts'] = {
      accountId: billed.accountId,
      period: billed.period,
      slots: billed.slots,
      expectedMilliMinor: billed.expectedMilliMinor,
      expectedMinor: billed.expectedMinor,
    };
    try {
      const statement = await waitStatement(billingApi(ctx.profile, UTILITY), billed);
      if (statement === undefined) {
        return {
          problems: [
            `no statement of ${billed.period} within ${String(STATEMENT_DEADLINE_MS / 1000)} s of healing`,
          ],
          facts,
        };
      }
      facts['healedToStatementMs'] = Date.now() - healedAt;
      facts['computedAfterKill'] = Date.parse(statement.computedAt) >= killedAt;
      facts['computedAfterHealing'] = Date.parse(statement.computedAt) >= healedAt;
      facts['status'] = statement.status;
      if (statement.status === 'complete') {
        facts['gotMilliMinor'] = statement.innerProductMilliMinor;
        facts['gotMinor'] = statement.amountMinor;
      }
      await waitFirstEvent(watch);
      await delay(REPUBLISH_WATCH_MS);
      facts['statementEvents'] = watch.events.length;
      return {
        problems: judgeStatement(billed, await ledgerStatements(ctx.profile, billed), watch.events.length),
        facts,
      };
    } catch (error) {
      return { problems: [`check: ${describeError(error)}`], facts };
    } finally {
      await watch.stop();
    }
  };

  return {
    name: 'scenario: a billing period closing while the gateway peer of PTB is down',
    component: 'peer',
    fast: false,
    prepare,
    run,
    check,
  };
}

async function waitFirstEvent(watch: StatementWatch): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (watch.events.length === 0 && performance.now() < deadline) {
    await delay(250);
  }
}
