import { createHash } from 'node:crypto';
import { readNetworkProfile, defaultNetworkFile, type NetworkProfile } from '@metrochain/config';
import { connectLedger, GovernanceClient, type LedgerConnection } from '@metrochain/ledger';

/** The profile of the network the test command brought up. */
export function networkProfile(): NetworkProfile {
  return readNetworkProfile(defaultNetworkFile());
}

export interface Session {
  connection: LedgerConnection;
  governance: GovernanceClient;
  close(): void;
}

/** A gateway session of one identity of one organisation, through one of its peers. */
export async function openSession(org: string, identity: string, peerIndex = 0): Promise<Session> {
  const connection = await connectLedger({ profile: networkProfile(), org, identity, peerIndex });
  return {
    connection,
    governance: GovernanceClient.forConnection(connection),
    close: () => {
      connection.close();
    },
  };
}

/** A version label no earlier run used, so tests never collide with data already on the ledger. */
export function uniqueVersion(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export function fingerprintOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
