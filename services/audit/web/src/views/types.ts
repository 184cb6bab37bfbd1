/** The explorer's JSON as the pages read it (libs/contracts/src/api/audit-dashboard-api.ts has the schemas). */
export interface TxSummary {
  txId: string;
  blockNumber: number;
  index: number;
  type: string;
  timestamp: string;
  creatorMsp: string;
  validationCode: string;
  chaincode?: string;
  function?: string;
  endorsers: string[];
  argBytes: number;
}

export interface BlockSummary {
  number: number;
  headerHash: string;
  previousHash: string;
  dataHash: string;
  dataHashValid: boolean;
  timestamp: string;
  transactions: TxSummary[];
}

export interface TxDetail extends TxSummary {
  args: string[];
  responseStatus?: number;
  responsePayload?: string;
  events: { chaincode: string; name: string; payload: string }[];
}

export interface Summary {
  channel: string;
  height: number;
  indexedHeight: number;
  blocks: number;
  transactions: number;
  valid: number;
  invalid: number;
}

export interface Rates {
  perMinute: { start: string; transactions: number }[];
  perHour: { start: string; transactions: number }[];
}
