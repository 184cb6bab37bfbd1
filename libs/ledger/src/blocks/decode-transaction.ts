import { common, msp, peer } from '@hyperledger/fabric-protos';

/** A chaincode event a transaction emitted. */
export interface DecodedChaincodeEvent {
  chaincode: string;
  name: string;
  payload: Uint8Array;
}

/** One transaction of a block, as the explorer and the auditors read it. */
export interface DecodedTransaction {
  txId: string;
  /** Position in its block. */
  index: number;
  /** Header type: ENDORSER_TRANSACTION, CONFIG, … */
  type: string;
  channel: string;
  /** When the client created it (channel header timestamp), ISO 8601. */
  timestamp: string;
  creatorMsp: string;
  /** The committing peer's verdict: VALID, MVCC_READ_CONFLICT, ENDORSEMENT_POLICY_FAILURE, … */
  validationCode: string;
  chaincode?: string;
  /** The transaction function, e.g. `measurement:recordBatch`. */
  function?: string;
  /** The arguments after the function name. */
  args: Uint8Array[];
  /** MSP ids of the endorsing peers, in endorsement order. */
  endorsers: string[];
  responseStatus?: number;
  responsePayload?: Uint8Array;
  events: DecodedChaincodeEvent[];
}

const HEADER_TYPES = new Map(Object.entries(common.HeaderType).map(([name, code]) => [code as number, name]));
const VALIDATION_CODES = new Map(
  Object.entries(peer.TxValidationCode).map(([name, code]) => [code as number, name]),
);

/** The name of a TxValidationCode, or its number when unknown to these protos. */
export function validationCodeName(code: number): string {
  return VALIDATION_CODES.get(code) ?? String(code);
}

function mspOf(serializedIdentity: Uint8Array): string {
  return msp.SerializedIdentity.deserializeBinary(serializedIdentity).getMspid();
}

interface TimestampLike {
  getSeconds(): number;
  getNanos(): number;
}

function isoTime(timestamp: TimestampLike | undefined): string {
  if (timestamp === undefined) {
    return new Date(0).toISOString();
  }
  return new Date(timestamp.getSeconds() * 1000 + Math.floor(timestamp.getNanos() / 1e6)).toISOString();
}

type EndorsedParts = Pick<
  DecodedTransaction,
  'chaincode' | 'function' | 'args' | 'endorsers' | 'responseStatus' | 'responsePayload' | 'events'
>;

function decodeEvents(bytes: Uint8Array): DecodedChaincodeEvent[] {
  if (bytes.length === 0) {
    return [];
  }
  const event = peer.ChaincodeEvent.deserializeBinary(bytes);
  return [
    { chaincode: event.getChaincodeId(), name: event.getEventName(), payload: event.getPayload_asU8() },
  ];
}

/** The chaincode, function and arguments the client invoked. */
function decodeInvocation(
  proposalPayload: Uint8Array,
): Pick<DecodedTransaction, 'chaincode' | 'function' | 'args'> {
  const proposal = peer.ChaincodeProposalPayload.deserializeBinary(proposalPayload);
  const spec = peer.ChaincodeInvocationSpec.deserializeBinary(proposal.getInput_asU8()).getChaincodeSpec();
  const [functionName, ...args] = spec?.getInput()?.getArgsList_asU8() ?? [];
  return {
    chaincode: spec?.getChaincodeId()?.getName(),
    function: functionName === undefined ? undefined : Buffer.from(functionName).toString('utf8'),
    args,
  };
}

/** Who endorsed, and the result they endorsed (response and event). */
function decodeEndorsement(
  endorsed: peer.ChaincodeEndorsedAction | undefined,
): Pick<DecodedTransaction, 'endorsers' | 'responseStatus' | 'responsePayload' | 'events'> {
  if (endorsed === undefined) {
    return { endorsers: [], events: [] };
  }
  const responsePayload = peer.ProposalResponsePayload.deserializeBinary(
    endorsed.getProposalResponsePayload_asU8(),
  );
  const chaincodeAction = peer.ChaincodeAction.deserializeBinary(responsePayload.getExtension_asU8());
  const response = chaincodeAction.getResponse();
  return {
    endorsers: endorsed.getEndorsementsList().map((endorsement) => mspOf(endorsement.getEndorser_asU8())),
    responseStatus: response?.getStatus(),
    responsePayload: response?.getPayload_asU8(),
    events: decodeEvents(chaincodeAction.getEvents_asU8()),
  };
}

/** The invocation and its endorsed result, from an endorser transaction's first action. */
function decodeEndorsed(transactionBytes: Uint8Array): EndorsedParts {
  const action = peer.Transaction.deserializeBinary(transactionBytes).getActionsList()[0];
  if (action === undefined) {
    return { args: [], endorsers: [], events: [] };
  }
  const actionPayload = peer.ChaincodeActionPayload.deserializeBinary(action.getPayload_asU8());
  return {
    ...decodeInvocation(actionPayload.getChaincodeProposalPayload_asU8()),
    ...decodeEndorsement(actionPayload.getAction()),
  };
}

/** Decodes one envelope of a block (or of a ProcessedTransaction) with the validation code the peer gave it. */
export function decodeEnvelope(
  envelopeBytes: Uint8Array,
  index: number,
  validationCode: number,
): DecodedTransaction {
  const payload = common.Payload.deserializeBinary(
    common.Envelope.deserializeBinary(envelopeBytes).getPayload_asU8(),
  );
  const header = payload.getHeader();
  const channelHeader = common.ChannelHeader.deserializeBinary(
    header?.getChannelHeader_asU8() ?? new Uint8Array(),
  );
  const signatureHeader = common.SignatureHeader.deserializeBinary(
    header?.getSignatureHeader_asU8() ?? new Uint8Array(),
  );
  const type = HEADER_TYPES.get(channelHeader.getType()) ?? String(channelHeader.getType());
  const creator = signatureHeader.getCreator_asU8();
  // google-protobuf's Timestamp type is not declared in this workspace: read through its two accessors.
  const timestamp: unknown = channelHeader.getTimestamp();
  const base = {
    txId: channelHeader.getTxId(),
    index,
    type,
    channel: channelHeader.getChannelId(),
    timestamp: isoTime(timestamp as TimestampLike | undefined),
    creatorMsp: creator.length > 0 ? mspOf(creator) : '',
    validationCode: validationCodeName(validationCode),
  };
  if (type !== 'ENDORSER_TRANSACTION') {
    return { ...base, args: [], endorsers: [], events: [] };
  }
  return { ...base, ...decodeEndorsed(payload.getData_asU8()) };
}

/** What qscc GetTransactionByID answers: the envelope and its validation code. */
export function decodeProcessedTransaction(bytes: Uint8Array): DecodedTransaction {
  const processed = peer.ProcessedTransaction.deserializeBinary(bytes);
  const envelope = processed.getTransactionenvelope();
  if (envelope === undefined) {
    throw new Error('the processed transaction holds no envelope');
  }
  return decodeEnvelope(envelope.serializeBinary(), 0, processed.getValidationcode());
}
