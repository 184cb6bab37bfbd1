/** Certificate attribute that carries a caller's role; issued by each NMI's CA, checked by the chaincode. */
export const ROLE_ATTRIBUTE = 'metrochain.role';

export const ROLES = ['governance', 'registrar', 'verifier', 'measurement', 'billing', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Which role each service's identity holds; the devnet issues identities from this table. */
export const SERVICE_ROLES = {
  registration: 'registrar',
  verification: 'verifier',
  measurement: 'measurement',
  billing: 'billing',
  audit: 'auditor',
} as const satisfies Record<string, Role>;
export type ServiceName = keyof typeof SERVICE_ROLES;
export const SERVICE_NAMES = Object.keys(SERVICE_ROLES) as ServiceName[];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
