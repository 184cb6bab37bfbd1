import type { CryptoLayout, OrdererOrgLayout } from './crypto-layout';
import { CHANNEL_BLOCK_KEY, ordererSecretNames, ORDERERS_NAMESPACE } from './secret-names';
import { fileEntry, nodeIdentityEntries, type ObjectPlan } from './secret-plan';

export interface OrderersRequest {
  /** Orderer ordinals 0..orderers-1 (orderer1..); undefined: as many as the crypto folder holds. */
  readonly orderers: number | undefined;
  readonly namespace: string | undefined;
  readonly block: string | undefined;
}

const LABELS = { 'app.kubernetes.io/part-of': 'metrochain' } as const;

function ordererCount(layout: CryptoLayout, org: OrdererOrgLayout, requested: number | undefined): number {
  return requested ?? layout.countOrdinals((ordinal) => org.orderer(ordinal));
}

/** The orderers' namespace: one identity Secret per ordinal, the admin's client TLS pair and the channel block. */
export function planOrderers(
  layout: CryptoLayout,
  org: OrdererOrgLayout,
  request: OrderersRequest,
): ObjectPlan[] {
  const namespace = request.namespace ?? ORDERERS_NAMESPACE;
  const count = ordererCount(layout, org, request.orderers);
  if (count === 0) {
    throw new Error(`no orderer folder ${layout.resolve(org.orderer(0))}`);
  }
  const identities = Array.from({ length: count }, (_, ordinal): ObjectPlan => ({
    kind: 'Secret',
    namespace,
    name: ordererSecretNames.orderer(ordinal),
    purpose: `orderer ordinal ${String(ordinal)} (orderer${String(ordinal + 1)}.${org.domain})`,
    labels: LABELS,
    folder: org.orderer(ordinal),
    entries: nodeIdentityEntries(org.orderer(ordinal)),
  }));
  const admin = org.adminTls();
  const plans: ObjectPlan[] = [
    ...identities,
    {
      kind: 'Secret',
      namespace,
      name: ordererSecretNames.adminTls,
      purpose: 'the orderer admin (osnadmin join Job)',
      labels: LABELS,
      entries: [
        fileEntry('tls.crt', admin.cert),
        fileEntry('tls.key', admin.key),
        fileEntry('ca.crt', admin.ca),
      ],
    },
  ];
  if (request.block !== undefined) {
    plans.push({
      kind: 'Secret',
      namespace,
      name: ordererSecretNames.channelBlock,
      purpose: 'the channel block (osnadmin join Job)',
      labels: LABELS,
      entries: [fileEntry(CHANNEL_BLOCK_KEY, request.block)],
    });
  }
  return plans;
}
