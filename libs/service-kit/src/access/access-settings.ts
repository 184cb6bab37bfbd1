import type { TokenVerifier } from './token-verifier';

/** What the access guard needs from the platform: the issuers' keys and the NMI this service acts for. */
export interface AccessSettings {
  verifier: TokenVerifier;
  /** MSP id of this service's NMI: the only NMI whose operators may call its operator routes. */
  ownNmi: string;
}

export const ACCESS_SETTINGS = 'METROCHAIN_ACCESS_SETTINGS';
