import { createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as grpc from '@grpc/grpc-js';
import { type Contract, type Gateway, type Network, connect, hash } from '@hyperledger/fabric-gateway';
import { ConfigErrorCode } from '@metrochain/config';
import { DomainError } from '@metrochain/errors';
import { type LedgerDeadlines, gatewayCallOptions, resolveLedgerDeadlines } from './ledger-deadlines';
import { type LedgerEndpoint, type LedgerEndpointOptions, selectLedgerEndpoint } from './ledger-endpoint';
import { newNodeCryptoSigner } from './node-crypto-signer';

export interface ConnectLedgerOptions extends LedgerEndpointOptions {
  deadlines?: Partial<LedgerDeadlines>;
  /**
   * Caps gRPC's reconnect backoff (gRPC's own grows from 1 s to 120 s). The default, 5 s, lets a service use its
   * restarted gateway peer within seconds: with gRPC's backoff, the fault runner measured 15–18 s without any
   * reading recorded after the peer was back. A monitor that must see a restart sooner sets less.
   */
  maxReconnectBackoffMs?: number;
}

/** One long-lived gateway connection of one identity to one peer; share it, close it once on shutdown. */
export interface LedgerConnection {
  readonly endpoint: LedgerEndpoint;
  readonly deadlines: LedgerDeadlines;
  readonly gateway: Gateway;
  /** The channel of the network profile. */
  readonly network: Network;
  /** The chaincode of the network profile, or one of its contracts by name. */
  contract(contractName?: string): Contract;
  /** Closes the gateway, then the gRPC client; further calls are no-ops. */
  close(): void;
}

/**
 * Opens the gRPC client (TLS against the peer's root certificate, with the peer's name as the TLS server name so
 * that `127.0.0.1` endpoints match the certificate) and the gateway. gRPC connects lazily: an unreachable peer shows
 * up as LEDGER_UNAVAILABLE on the first call, not here.
 */
export async function connectLedger(options: Readonly<ConnectLedgerOptions>): Promise<LedgerConnection> {
  const endpoint = selectLedgerEndpoint(options);
  const deadlines = resolveLedgerDeadlines(options.deadlines);
  const [tlsRootCert, certificate, privateKeyPem] = await Promise.all([
    readMaterial('peer TLS root certificate', endpoint.peer.tlsRootCertPath),
    readMaterial('identity certificate', endpoint.identity.certPath),
    readMaterial('identity private key', endpoint.identity.keyPath),
  ]);
  const client = new grpc.Client(endpoint.peer.endpoint, grpc.credentials.createSsl(tlsRootCert), {
    'grpc.ssl_target_name_override': endpoint.peer.name,
    ...reconnectOptions(options.maxReconnectBackoffMs),
  });
  try {
    const gateway = connect({
      client,
      identity: { mspId: endpoint.mspId, credentials: certificate },
      // The signer hashes with OpenSSL itself; see newNodeCryptoSigner.
      hash: hash.none,
      signer: newNodeCryptoSigner(createPrivateKey(privateKeyPem)),
      ...gatewayCallOptions(deadlines),
    });
    return new GatewayLedgerConnection({ endpoint, deadlines, client, gateway, profile: options.profile });
  } catch (error) {
    client.close();
    throw error;
  }
}

class GatewayLedgerConnection implements LedgerConnection {
  readonly endpoint: LedgerEndpoint;
  readonly deadlines: LedgerDeadlines;
  readonly gateway: Gateway;
  readonly network: Network;
  readonly #chaincode: string;
  readonly #client: grpc.Client;
  #closed = false;

  constructor(
    options: Readonly<{
      endpoint: LedgerEndpoint;
      deadlines: LedgerDeadlines;
      client: grpc.Client;
      gateway: Gateway;
      profile: Readonly<{ channel: string; chaincode: string }>;
    }>,
  ) {
    this.endpoint = options.endpoint;
    this.deadlines = options.deadlines;
    this.gateway = options.gateway;
    this.network = options.gateway.getNetwork(options.profile.channel);
    this.#chaincode = options.profile.chaincode;
    this.#client = options.client;
  }

  contract(contractName?: string): Contract {
    return this.network.getContract(this.#chaincode, contractName);
  }

  close(): void {
    if (this.#closed) {
      return;
    }
    this.#closed = true;
    // Gateway first, so that its event streams end before the channel under them goes away.
    this.gateway.close();
    this.#client.close();
  }
}

export const DEFAULT_MAX_RECONNECT_BACKOFF_MS = 5_000;

function reconnectOptions(maxBackoffMs = DEFAULT_MAX_RECONNECT_BACKOFF_MS): grpc.ChannelOptions {
  return {
    'grpc.initial_reconnect_backoff_ms': Math.min(1_000, maxBackoffMs),
    'grpc.max_reconnect_backoff_ms': maxBackoffMs,
  };
}

async function readMaterial(what: string, file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new DomainError({
      code: ConfigErrorCode.NETWORK_PROFILE_INVALID,
      message: `cannot read the ${what} ${file} named in the network profile`,
      details: { file },
      cause: error,
    });
  }
}
