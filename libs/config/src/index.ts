export { ConfigErrorCode } from './config-error-code';
export { type ConfigIssue } from './format-issues';
export { type Environment, loadConfig } from './load-config';
export {
  type IdentityProfile,
  type NetworkProfile,
  type OrdererProfile,
  type OrganizationProfile,
  type PeerProfile,
  type ProvisionedPrincipal,
  type TrustedIssuer,
  provisionedPrincipalSchema,
  trustedIssuerSchema,
  identityProfileSchema,
  networkProfileSchema,
  ordererProfileSchema,
  organizationProfileSchema,
  peerProfileSchema,
} from './network-profile.schema';
export {
  NETWORK_FILE_ENV,
  defaultNetworkFile,
  parseNetworkProfile,
  readNetworkProfile,
} from './network-profile';
export { findRepoRoot } from './repo-root';
