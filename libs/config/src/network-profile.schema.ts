import { z } from 'zod';

/** `host:port`, as the devnet writes it and as gRPC and Kafka clients take it. */
const endpoint = z.string().regex(/^[^\s:/]+:\d{1,5}$/, 'expected host:port');
const filePath = z.string().min(1);

/** A node's plain-HTTP operations endpoint (`/metrics`, `/healthz`), `host:port`; absent in older profiles. */
const operationsEndpoint = endpoint.optional();

export const peerProfileSchema = z.object({
  name: z.string().min(1),
  endpoint,
  tlsRootCertPath: filePath,
  operationsEndpoint,
});

export const identityProfileSchema = z.object({
  certPath: filePath,
  keyPath: filePath,
  role: z.string().min(1),
});

export const organizationProfileSchema = z.object({
  mspId: z.string().min(1),
  peers: z.array(peerProfileSchema).min(1),
  identities: z.record(z.string().min(1), identityProfileSchema),
});

export const ordererProfileSchema = z.object({
  name: z.string().min(1),
  endpoint,
  adminEndpoint: endpoint,
  tlsRootCertPath: filePath,
  operationsEndpoint,
});

/** An NMI's public token-issuer key (a P-256 JWK); services trust tokens it signed (docs/identity.md). */
export const trustedIssuerSchema = z.object({
  issuer: z.string().min(1),
  jwk: z.object({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: z.string().min(1),
    y: z.string().min(1),
  }),
});

/** A credential the local network provisioned for one principal; the token is the secret. */
export const provisionedPrincipalSchema = z.object({
  name: z.string().min(1),
  role: z.string().min(1),
  issuer: z.string().min(1),
  nmi: z.string().min(1).optional(),
  token: z.string().min(1),
});

/** The connection file `.devnet/network.json` (docs/foundation.md), read by services and tests. */
export const networkProfileSchema = z.object({
  channel: z.string().min(1),
  chaincode: z.string().min(1),
  organizations: z
    .record(z.string().min(1), organizationProfileSchema)
    .refine((organizations) => Object.keys(organizations).length > 0, 'expected at least one organization'),
  orderers: z.array(ordererProfileSchema).min(1),
  kafka: z.object({ brokers: z.array(endpoint).min(1) }),
  redis: z.object({ url: z.string().regex(/^rediss?:\/\/\S+$/, 'expected a redis:// or rediss:// URL') }),
  /** Issuer keys every service trusts and, on the local network only, the provisioned principals' tokens. */
  identity: z
    .object({
      issuers: z.array(trustedIssuerSchema),
      principals: z.array(provisionedPrincipalSchema).default([]),
    })
    .default({ issuers: [], principals: [] }),
});

export type PeerProfile = z.infer<typeof peerProfileSchema>;
export type IdentityProfile = z.infer<typeof identityProfileSchema>;
export type OrganizationProfile = z.infer<typeof organizationProfileSchema>;
export type OrdererProfile = z.infer<typeof ordererProfileSchema>;
export type TrustedIssuer = z.infer<typeof trustedIssuerSchema>;
export type ProvisionedPrincipal = z.infer<typeof provisionedPrincipalSchema>;
export type NetworkProfile = z.infer<typeof networkProfileSchema>;
