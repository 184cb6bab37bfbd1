import type { DecodedBlock } from '@metrochain/ledger';

/**
 * A check that reads every block of the channel. The feed hands blocks over in order and checkpoints a block only
 * after every handler returned, so a block may be handed over again after a crash or a failure: handlers must be
 * idempotent (findings are, through their open keys).
 */
export interface BlockHandler {
  /** For logs: which handler failed. */
  readonly name: string;
  handleBlock(block: Readonly<DecodedBlock>): Promise<void>;
}
