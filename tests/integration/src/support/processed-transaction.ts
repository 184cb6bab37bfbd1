import { common, msp, peer } from '@hyperledger/fabric-protos';

export interface TransactionView {
  validationCode: number;
  endorserMspIds: string[];
}

/** Decodes qscc's GetTransactionByID answer far enough to see who endorsed it and whether it is valid. */
export function decodeProcessedTransaction(bytes: Uint8Array): TransactionView {
  const processed = peer.ProcessedTransaction.deserializeBinary(bytes);
  const envelope = processed.getTransactionenvelope();
  if (envelope === undefined) {
    throw new Error('processed transaction without envelope');
  }
  const payload = common.Payload.deserializeBinary(envelope.getPayload_asU8());
  const transaction = peer.Transaction.deserializeBinary(payload.getData_asU8());
  const action = transaction.getActionsList()[0];
  if (action === undefined) {
    throw new Error('transaction without actions');
  }
  const actionPayload = peer.ChaincodeActionPayload.deserializeBinary(action.getPayload_asU8());
  const endorsements = actionPayload.getAction()?.getEndorsementsList() ?? [];
  return {
    validationCode: processed.getValidationcode(),
    endorserMspIds: endorsements.map((e) =>
      msp.SerializedIdentity.deserializeBinary(e.getEndorser_asU8()).getMspid(),
    ),
  };
}
