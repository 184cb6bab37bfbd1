import type { ExplorerBlock, ExplorerTransaction, ExplorerTransactionDetail } from '@metrochain/contracts';
import type { DecodedBlock, DecodedTransaction } from '@metrochain/ledger';

/** A transaction as the lists show it. */
export function transactionSummary(blockNumber: number, tx: DecodedTransaction): ExplorerTransaction {
  return {
    txId: tx.txId,
    blockNumber,
    index: tx.index,
    type: tx.type,
    timestamp: tx.timestamp,
    creatorMsp: tx.creatorMsp,
    validationCode: tx.validationCode,
    ...(tx.chaincode === undefined ? {} : { chaincode: tx.chaincode }),
    ...(tx.function === undefined ? {} : { function: tx.function }),
    endorsers: tx.endorsers,
    argBytes: tx.args.reduce((sum, arg) => sum + arg.byteLength, 0),
  };
}

/** A block's time: its first transaction's (the orderer does not stamp blocks). */
export function blockSummary(block: DecodedBlock): ExplorerBlock {
  return {
    number: block.number,
    headerHash: block.headerHash,
    previousHash: block.previousHash,
    dataHash: block.dataHash,
    dataHashValid: block.dataHashValid,
    timestamp: block.transactions[0]?.timestamp ?? new Date(0).toISOString(),
    transactions: block.transactions.map((tx) => transactionSummary(block.number, tx)),
  };
}

const ARG_TEXT_MAX = 4096;

/** UTF-8 when the bytes are printable text, else base64; long values are cut (the detail is for reading). */
export function displayBytes(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('utf8');
  // eslint-disable-next-line no-control-regex -- printable means no control characters but tab and newlines
  const printable = !/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text);
  const shown = printable ? text : `base64:${Buffer.from(bytes).toString('base64')}`;
  return shown.length > ARG_TEXT_MAX ? `${shown.slice(0, ARG_TEXT_MAX)}… (${bytes.byteLength} bytes)` : shown;
}

export function transactionDetail(blockNumber: number, tx: DecodedTransaction): ExplorerTransactionDetail {
  return {
    ...transactionSummary(blockNumber, tx),
    args: tx.args.map(displayBytes),
    ...(tx.responseStatus === undefined ? {} : { responseStatus: tx.responseStatus }),
    ...(tx.responsePayload === undefined ? {} : { responsePayload: displayBytes(tx.responsePayload) }),
    events: tx.events.map((event) => ({
      chaincode: event.chaincode,
      name: event.name,
      payload: displayBytes(event.payload),
    })),
  };
}
