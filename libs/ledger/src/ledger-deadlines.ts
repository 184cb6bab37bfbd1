import type { CallOptions } from '@grpc/grpc-js';
import type { ConnectOptions } from '@hyperledger/fabric-gateway';

/** How long each kind of gateway call may take before it fails with LEDGER_TIMEOUT. */
export interface LedgerDeadlines {
  readonly evaluateMs: number;
  readonly endorseMs: number;
  readonly submitMs: number;
  readonly commitStatusMs: number;
}

// Endorsement runs the LR software on several organisations' chaincode servers, hence longer than an evaluate;
// commit status waits for a block to be cut and validated. That normally takes a second or two, but a transaction an
// orderer accepted just as the Raft leader died is never ordered: its commit status only ends at this deadline. The
// fault runner measured recording stalled for the whole 60 s the deadline used to be (docs/faults.md), so it is 20 s:
// still ten times a loaded network's commit, and a resubmitted batch is harmless (the chaincode answers duplicate).
export const DEFAULT_LEDGER_DEADLINES: LedgerDeadlines = Object.freeze({
  evaluateMs: 5_000,
  endorseMs: 15_000,
  submitMs: 5_000,
  commitStatusMs: 20_000,
});

export type GatewayCallOptions = Required<
  Pick<ConnectOptions, 'evaluateOptions' | 'endorseOptions' | 'submitOptions' | 'commitStatusOptions'>
>;

export function resolveLedgerDeadlines(overrides: Partial<LedgerDeadlines> = {}): LedgerDeadlines {
  const defaults = DEFAULT_LEDGER_DEADLINES;
  const deadlines: LedgerDeadlines = {
    evaluateMs: overrides.evaluateMs ?? defaults.evaluateMs,
    endorseMs: overrides.endorseMs ?? defaults.endorseMs,
    submitMs: overrides.submitMs ?? defaults.submitMs,
    commitStatusMs: overrides.commitStatusMs ?? defaults.commitStatusMs,
  };
  for (const [name, ms] of Object.entries(deadlines)) {
    if (!Number.isFinite(ms) || ms <= 0) {
      throw new RangeError(
        `ledger deadline ${name} must be a positive number of milliseconds, got ${String(ms)}`,
      );
    }
  }
  return Object.freeze(deadlines);
}

/** Per-call option factories for `connect()`: each call gets a fresh deadline relative to its own start. */
export function gatewayCallOptions(
  deadlines: LedgerDeadlines,
  now: () => number = Date.now,
): GatewayCallOptions {
  const within = (ms: number) => (): CallOptions => ({ deadline: now() + ms });
  return {
    evaluateOptions: within(deadlines.evaluateMs),
    endorseOptions: within(deadlines.endorseMs),
    submitOptions: within(deadlines.submitMs),
    commitStatusOptions: within(deadlines.commitStatusMs),
  };
}
