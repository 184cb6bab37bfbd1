import {
  ConfigErrorCode,
  type IdentityProfile,
  type NetworkProfile,
  type PeerProfile,
} from '@metrochain/config';
import { DomainError } from '@metrochain/errors';

export interface LedgerEndpointOptions {
  profile: NetworkProfile;
  /** Organisation name as keyed in the profile, e.g. `PTB`. */
  org: string;
  /** Identity name within the organisation, e.g. `registration`. */
  identity: string;
  /** Which of the peer organisation's peers to use as gateway; defaults to the first. */
  peerIndex?: number;
  /**
   * Organisation whose peer to connect to, when not `org`'s own: the audit service reads every NMI's peers with its
   * own identity (qscc and deliver need only channel membership).
   */
  peerOrg?: string;
}

/** The gateway peer and identity a connection uses, picked out of the network profile. */
export interface LedgerEndpoint {
  org: string;
  mspId: string;
  /** The organisation whose peer `peer` is (the same as `org` unless `peerOrg` was given). */
  peerOrg?: string;
  peer: PeerProfile;
  identityName: string;
  identity: IdentityProfile;
}

export function selectLedgerEndpoint(options: Readonly<LedgerEndpointOptions>): LedgerEndpoint {
  const { profile, org, identity: identityName, peerIndex = 0, peerOrg = org } = options;
  const organization = organizationOf(profile, org);
  const peer = organizationOf(profile, peerOrg).peers[peerIndex];
  if (peer === undefined) {
    throw profileMismatch(`organization ${peerOrg} has no peer at index ${String(peerIndex)}`, {
      org: peerOrg,
      peerIndex,
      peers: organizationOf(profile, peerOrg).peers.length,
    });
  }
  const identity = organization.identities[identityName];
  if (identity === undefined) {
    throw profileMismatch(`organization ${org} has no identity ${identityName}`, {
      org,
      identity: identityName,
      known: Object.keys(organization.identities),
    });
  }
  return {
    org,
    mspId: organization.mspId,
    peer,
    identityName,
    identity,
    ...(peerOrg === org ? {} : { peerOrg }),
  };
}

function organizationOf(profile: NetworkProfile, org: string): NetworkProfile['organizations'][string] {
  const organization = profile.organizations[org];
  if (organization === undefined) {
    throw profileMismatch(`organization ${org} is not in the network profile`, {
      org,
      known: Object.keys(profile.organizations),
    });
  }
  return organization;
}

function profileMismatch(message: string, details: Record<string, unknown>): DomainError {
  return new DomainError({ code: ConfigErrorCode.NETWORK_PROFILE_INVALID, message, details });
}
