import { Client, credentials } from '@grpc/grpc-js';
import { peer } from '@hyperledger/fabric-protos';

/** The gRPC method a peer calls on a chaincode-as-a-service server (protos.Chaincode/Connect, a bidi stream). */
const CONNECT = '/protos.Chaincode/Connect';

/**
 * Opens the stream a peer opens on a chaincode server over TLS and returns the first message the server sends,
 * which for a healthy fabric-shim server is REGISTER with its chaincode id.
 */
export async function firstChaincodeMessage(
  address: string,
  rootCert: Buffer,
  timeoutMs = 15_000,
): Promise<peer.ChaincodeMessage> {
  const client = new Client(address, credentials.createSsl(rootCert));
  const call = client.makeBidiStreamRequest(
    CONNECT,
    (message: Buffer) => message,
    (bytes: Buffer) => bytes,
  );
  try {
    return await new Promise<peer.ChaincodeMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no message from ${address} within ${String(timeoutMs)} ms`));
      }, timeoutMs);
      call.once('data', (bytes: Buffer) => {
        clearTimeout(timer);
        resolve(peer.ChaincodeMessage.deserializeBinary(bytes));
      });
      call.once('error', (error: Error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } finally {
    call.cancel();
    client.close();
  }
}

/** The chaincode id a REGISTER message carries. */
export function registeredChaincodeId(message: peer.ChaincodeMessage): string {
  return peer.ChaincodeID.deserializeBinary(message.getPayload_asU8()).getName();
}
