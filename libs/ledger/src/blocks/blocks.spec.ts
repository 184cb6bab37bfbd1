import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { common, msp, peer } from '@hyperledger/fabric-protos';
import { blockHeaderHash } from './block-hash';
import { decodeBlock } from './decode-block';
import { decodeProcessedTransaction } from './decode-transaction';

const sha = (text: string): Buffer => createHash('sha256').update(text).digest();

// Computed with Go's encoding/asn1 over the struct Fabric's protoutil.BlockHeaderBytes marshals (number as big.Int),
// previous hash sha256("previous") except for block 0 (nil), data hash sha256("data").
const GO_VECTORS: [number, string][] = [
  [0, 'ca0f510a0966e4a18bc60b9425322fd8a582dcf255942c6742151db219b17f61'],
  [1, '1f75391ad39c8a4300326be4552c56c485699b1fb628956a72cada36a30bf0b3'],
  [127, 'db59320cde2b7f1bfc336da1e2646115bd4119aab4d1f87d5a259cd580768e7f'],
  [128, 'c477e57ea2b334ba0ce574d4bf5cbf4cae1fb20bce16edced118f8ebb011849b'],
  [255, 'd5a1308b451262841dcdc4d676bce87d4de52aa95ce49f3e49b0d1fe2b96f938'],
  [256, '294f04f24a3207272b12552896a2491db99dd36d49360861f68c7d05ff6f6fd0'],
  [70000, 'bc14286be4275c9c980d3d4da41adcd6c2af36d986ea61c15c6c64eb4f0985dd'],
  [2147483652, 'a34d9a1dfd9975c918246871cc5e9ec724be5e9d722a3ad59668a48865f2ed71'],
];

function identity(mspId: string): Uint8Array {
  const serialized = new msp.SerializedIdentity();
  serialized.setMspid(mspId);
  serialized.setIdBytes(Buffer.from('cert'));
  return serialized.serializeBinary();
}

function endorserEnvelope(txId: string): Uint8Array {
  const input = new peer.ChaincodeInput();
  input.setArgsList([Buffer.from('measurement:recordBatch'), Buffer.from('{"readings":[]}')]);
  const chaincodeId = new peer.ChaincodeID();
  chaincodeId.setName('metrochain');
  const spec = new peer.ChaincodeSpec();
  spec.setChaincodeId(chaincodeId);
  spec.setInput(input);
  const invocation = new peer.ChaincodeInvocationSpec();
  invocation.setChaincodeSpec(spec);
  const proposal = new peer.ChaincodeProposalPayload();
  proposal.setInput(invocation.serializeBinary());

  const response = new peer.Response();
  response.setStatus(200);
  response.setPayload(Buffer.from('{"recorded":1}'));
  const event = new peer.ChaincodeEvent();
  event.setChaincodeId('metrochain');
  event.setEventName('measurement.recorded');
  event.setPayload(Buffer.from('{}'));
  const action = new peer.ChaincodeAction();
  action.setResponse(response);
  action.setEvents(event.serializeBinary());
  const responsePayload = new peer.ProposalResponsePayload();
  responsePayload.setExtension$(action.serializeBinary());
  const endorsed = new peer.ChaincodeEndorsedAction();
  endorsed.setProposalResponsePayload(responsePayload.serializeBinary());
  endorsed.setEndorsementsList(
    ['PTBMSP', 'InmetroMSP'].map((mspId) => {
      const endorsement = new peer.Endorsement();
      endorsement.setEndorser(identity(mspId));
      return endorsement;
    }),
  );
  const actionPayload = new peer.ChaincodeActionPayload();
  actionPayload.setChaincodeProposalPayload(proposal.serializeBinary());
  actionPayload.setAction(endorsed);
  const transactionAction = new peer.TransactionAction();
  transactionAction.setPayload(actionPayload.serializeBinary());
  const transaction = new peer.Transaction();
  transaction.setActionsList([transactionAction]);

  const channelHeader = new common.ChannelHeader();
  channelHeader.setType(common.HeaderType.ENDORSER_TRANSACTION);
  channelHeader.setTxId(txId);
  channelHeader.setChannelId('nmichannel');
  const signatureHeader = new common.SignatureHeader();
  signatureHeader.setCreator(identity('PTBMSP'));
  const header = new common.Header();
  header.setChannelHeader(channelHeader.serializeBinary());
  header.setSignatureHeader(signatureHeader.serializeBinary());
  const payload = new common.Payload();
  payload.setHeader(header);
  payload.setData(transaction.serializeBinary());
  const envelope = new common.Envelope();
  envelope.setPayload(payload.serializeBinary());
  return envelope.serializeBinary();
}

function block(
  number: number,
  envelopes: Uint8Array[],
  filter: number[],
  dataHash?: Uint8Array,
): common.Block {
  const header = new common.BlockHeader();
  header.setNumber(number);
  header.setPreviousHash(sha('previous'));
  header.setDataHash(dataHash ?? createHash('sha256').update(Buffer.concat(envelopes)).digest());
  const data = new common.BlockData();
  data.setDataList(envelopes);
  const metadata = new common.BlockMetadata();
  metadata.setMetadataList([new Uint8Array(), new Uint8Array(), Uint8Array.from(filter)]);
  const result = new common.Block();
  result.setHeader(header);
  result.setData(data);
  result.setMetadata(metadata);
  return result;
}

describe('block hashes', () => {
  it('hashes headers exactly as Fabric does (vectors from Go encoding/asn1)', () => {
    for (const [number, expected] of GO_VECTORS) {
      const previousHash = number === 0 ? new Uint8Array() : sha('previous');
      assert.equal(
        blockHeaderHash({ number, previousHash, dataHash: sha('data') }).toString('hex'),
        expected,
      );
    }
  });
});

describe('decodeBlock', () => {
  it('decodes an endorser transaction: id, function, args, endorsers, response, event, validation code', () => {
    const decoded = decodeBlock(block(7, [endorserEnvelope('tx-1'), endorserEnvelope('tx-2')], [0, 11]));
    assert.equal(decoded.number, 7);
    assert.equal(decoded.previousHash, sha('previous').toString('hex'));
    assert.equal(decoded.dataHashValid, true);
    const [first, second] = decoded.transactions;
    assert.ok(first !== undefined && second !== undefined);
    assert.equal(first.txId, 'tx-1');
    assert.equal(first.type, 'ENDORSER_TRANSACTION');
    assert.equal(first.creatorMsp, 'PTBMSP');
    assert.equal(first.chaincode, 'metrochain');
    assert.equal(first.function, 'measurement:recordBatch');
    assert.deepEqual(
      first.args.map((arg) => Buffer.from(arg).toString()),
      ['{"readings":[]}'],
    );
    assert.deepEqual(first.endorsers, ['PTBMSP', 'InmetroMSP']);
    assert.equal(first.responseStatus, 200);
    assert.equal(Buffer.from(first.responsePayload ?? []).toString(), '{"recorded":1}');
    assert.equal(first.events[0]?.name, 'measurement.recorded');
    assert.equal(first.validationCode, 'VALID');
    assert.equal(second.validationCode, 'MVCC_READ_CONFLICT');
  });

  it('decodes from bytes as qscc answers, and notices a data hash that does not match the data', () => {
    const bytes = block(3, [endorserEnvelope('tx-9')], [0], sha('other data')).serializeBinary();
    const decoded = decodeBlock(bytes);
    assert.equal(decoded.transactions[0]?.txId, 'tx-9');
    assert.equal(decoded.dataHashValid, false);
  });

  it('decodes a processed transaction (qscc GetTransactionByID)', () => {
    const processed = new peer.ProcessedTransaction();
    processed.setTransactionenvelope(common.Envelope.deserializeBinary(endorserEnvelope('tx-5')));
    processed.setValidationcode(10);
    const decoded = decodeProcessedTransaction(processed.serializeBinary());
    assert.equal(decoded.txId, 'tx-5');
    assert.equal(decoded.validationCode, 'ENDORSEMENT_POLICY_FAILURE');
  });
});
