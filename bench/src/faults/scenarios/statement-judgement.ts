import type { Statement } from '@metrochain/contracts';
import type { BilledAccount } from './billing-setup';

/** One complete statement, revision 1, with the amount the plaintext gives, the same on every NMI's peers. */
export function judgeStatement(
  account: Readonly<Pick<BilledAccount, 'slots' | 'expectedMilliMinor' | 'expectedMinor'>>,
  views: readonly Statement[][],
  events: number,
): string[] {
  const problems: string[] = [];
  const [first] = views[0] ?? [];
  for (const [index, view] of views.entries()) {
    if (view.length !== 1 || JSON.stringify(view[0]) !== JSON.stringify(first)) {
      problems.push(
        `NMI ${String(index + 1)}'s peer shows ${String(view.length)} statement(s), or another one`,
      );
    }
  }
  if (events !== 1) {
    problems.push(`published ${String(events)} time(s) on billing.statements.v1, expected once`);
  }
  if (first === undefined) {
    return [...problems, 'no statement on the ledger'];
  }
  if (first.revision !== 1) {
    problems.push(`the statement is revision ${String(first.revision)}: computed more than once`);
  }
  return [...problems, ...judgeAmount(account, first)];
}

/** The statement's amount against the one computed in the clear from the readings sent. */
function judgeAmount(
  account: Readonly<Pick<BilledAccount, 'slots' | 'expectedMilliMinor' | 'expectedMinor'>>,
  statement: Readonly<Statement>,
): string[] {
  if (statement.status !== 'complete' || statement.slotsReceived !== account.slots) {
    return [
      `the statement is ${statement.status} with ${String(statement.slotsReceived)} of ${String(account.slots)} slots`,
    ];
  }
  const problems: string[] = [];
  if (statement.innerProductMilliMinor !== account.expectedMilliMinor) {
    problems.push(
      `amount ${String(statement.innerProductMilliMinor)} milli-minor, expected ${String(account.expectedMilliMinor)} from the readings sent`,
    );
  }
  if (statement.amountMinor !== account.expectedMinor) {
    problems.push(`amount ${String(statement.amountMinor)} minor, expected ${String(account.expectedMinor)}`);
  }
  return problems;
}
