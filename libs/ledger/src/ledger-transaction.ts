import type { Contract } from '@hyperledger/fabric-gateway';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { ledgerErrorFromValidationCode, toLedgerError } from './to-ledger-error';

export type TransactionArgument = string | Uint8Array;

const tracer = trace.getTracer('metrochain-ledger');

/** Where a successful write landed on the ledger. */
export interface CommittedTransaction {
  transactionId: string;
  blockNumber: bigint;
}

/**
 * What a proposal carries besides its arguments. `transientData` reaches the endorsers but not the ledger; the
 * gateway then endorses on its own organisation only unless `endorsingOrganizations` names the ones to ask.
 */
export type ProposalExtras = Readonly<{
  transientData?: Readonly<Record<string, string | Uint8Array>>;
  endorsingOrganizations?: readonly string[];
}>;

export interface SubmittedTransactionResult extends CommittedTransaction {
  result: Uint8Array;
}

/**
 * Endorses, orders and waits for the commit of one transaction. Every failure is a LedgerError; a transaction that
 * commits invalid fails with COMMIT_FAILED (or MVCC_READ_CONFLICT / ENDORSEMENT_POLICY_FAILURE, so that the retry
 * policy can see a read conflict) carrying the validation code.
 */
export async function submitTransaction(
  contract: Pick<Contract, 'submitAsync'>,
  transactionName: string,
  args: readonly TransactionArgument[] = [],
  extras: ProposalExtras = {},
): Promise<SubmittedTransactionResult> {
  // One span per submit, from the proposal to the commit status: the slow hop of a reading's trace.
  return tracer.startActiveSpan(
    'ledger.submit',
    { kind: SpanKind.CLIENT, attributes: { 'ledger.transaction': transactionName } },
    async (span) => {
      try {
        const submitted = await submitOnce(contract, transactionName, args, extras);
        span.setAttributes({
          'ledger.transaction_id': submitted.transactionId,
          'ledger.block_number': Number(submitted.blockNumber),
        });
        return submitted;
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

async function submitOnce(
  contract: Pick<Contract, 'submitAsync'>,
  transactionName: string,
  args: readonly TransactionArgument[],
  extras: ProposalExtras,
): Promise<SubmittedTransactionResult> {
  try {
    const submitted = await contract.submitAsync(transactionName, {
      arguments: [...args],
      ...(extras.transientData === undefined ? {} : { transientData: { ...extras.transientData } }),
      ...(extras.endorsingOrganizations === undefined
        ? {}
        : { endorsingOrganizations: [...extras.endorsingOrganizations] }),
    });
    const status = await submitted.getStatus();
    if (!status.successful) {
      throw ledgerErrorFromValidationCode(status.code, status.transactionId);
    }
    return {
      result: submitted.getResult(),
      transactionId: status.transactionId,
      blockNumber: status.blockNumber,
    };
  } catch (error) {
    throw toLedgerError(error);
  }
}

/** Runs a read-only transaction on one peer; failures are LedgerErrors. */
export async function evaluateTransaction(
  contract: Pick<Contract, 'evaluateTransaction'>,
  transactionName: string,
  args: readonly TransactionArgument[] = [],
): Promise<Uint8Array> {
  try {
    return await contract.evaluateTransaction(transactionName, ...args);
  } catch (error) {
    throw toLedgerError(error);
  }
}
