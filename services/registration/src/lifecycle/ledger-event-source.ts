import type { ChaincodeEvent } from '@hyperledger/fabric-gateway';
import { type ChaincodeEventSource, newChaincodeEventReader } from '@metrochain/ledger';
import type { EventSource } from './lifecycle-publisher';

/**
 * The chaincode's events from a block on. The position lives in memory only: where to resume is read from the
 * topic itself whenever publishing starts, so there is no second checkpoint that could disagree with it.
 */
export function ledgerEventSource(network: ChaincodeEventSource, chaincode: string): EventSource {
  return async function* readEvents(
    startBlock: bigint,
    signal: AbortSignal,
  ): AsyncGenerator<ChaincodeEvent, void, undefined> {
    const reader = await newChaincodeEventReader({ network, chaincode, startBlock });
    yield* reader.events(signal);
  };
}
