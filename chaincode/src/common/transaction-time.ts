import type { Context } from 'fabric-contract-api';

/**
 * The transaction's timestamp (set by the client in the proposal, identical for every endorser) as an ISO 8601
 * string with millisecond precision. Chaincode never reads a clock: endorsers would disagree.
 */
export function transactionTimeIso(ctx: Context): string {
  const timestamp = ctx.stub.getTxTimestamp();
  const millis = timestamp.seconds.toNumber() * 1000 + Math.floor(timestamp.nanos / 1_000_000);
  return new Date(millis).toISOString();
}
