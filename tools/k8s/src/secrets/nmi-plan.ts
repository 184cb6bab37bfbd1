import { SERVICE_NAMES } from '@metrochain/contracts';
import type { CryptoLayout, OrdererOrgLayout, PeerOrgLayout } from './crypto-layout';
import {
  CHANNEL_BLOCK_KEY,
  nmiSecretNames,
  ORDERERS_TLS_ROOT_KEY,
  TLS_ROOTS_CONFIGMAP,
  tlsRootKey,
} from './secret-names';
import {
  fileEntry,
  mspEntries,
  nodeIdentityEntries,
  type ObjectPlan,
  type PlannedEntry,
} from './secret-plan';

export interface NmiRequest {
  /** The NMI as the charts name it (nmi.name, org): PTB, Inmetro. */
  readonly name: string;
  /** Peer ordinals 0..peers-1; undefined: as many as the crypto folder holds. */
  readonly peers: number | undefined;
}

export interface NmiPlanContext {
  readonly layout: CryptoLayout;
  readonly ordererOrg: OrdererOrgLayout | undefined;
  /** The channel's config block file (absolute), or undefined for no block Secret. */
  readonly block: string | undefined;
  /** Every NMI of the channel by name, for the services' TLS roots (`<Org>.pem`). */
  readonly channelNmis: readonly string[];
}

/** The NMI's namespace and Secret prefix as the install docs use them: its name in lower case (ptb). */
export function nmiNamespace(nmi: string): string {
  return nmi.toLowerCase();
}

/** One NMI being planned: its names, its organisation's folders and the objects' common metadata. */
class NmiTarget {
  readonly namespace: string;
  readonly prefix: string;
  readonly org: PeerOrgLayout;

  constructor(
    readonly context: NmiPlanContext,
    readonly request: NmiRequest,
  ) {
    this.namespace = nmiNamespace(request.name);
    this.prefix = this.namespace;
    this.org = context.layout.peerOrg(request.name);
  }

  object(
    kind: ObjectPlan['kind'],
    name: string,
    purpose: string,
    entries: PlannedEntry[],
    folder?: string,
  ): ObjectPlan {
    return {
      kind,
      namespace: this.namespace,
      name,
      purpose: `${this.request.name} ${purpose}`,
      labels: { 'app.kubernetes.io/part-of': 'metrochain', 'metrochain.io/nmi': this.namespace },
      entries,
      ...(folder === undefined ? {} : { folder }),
    };
  }

  peerCount(): number {
    if (this.request.peers !== undefined) {
      return this.request.peers;
    }
    const found = this.context.layout.countOrdinals((ordinal) => this.org.peer(ordinal));
    if (found === 0) {
      throw new Error(
        `NMI ${this.request.name}: no peer folder ${this.context.layout.resolve(this.org.peer(0))}`,
      );
    }
    return found;
  }
}

function peerPlans(nmi: NmiTarget): ObjectPlan[] {
  return Array.from({ length: nmi.peerCount() }, (_, ordinal) =>
    nmi.object(
      'Secret',
      nmiSecretNames.peer(nmi.prefix, ordinal),
      `peer ${String(ordinal)} (peer${String(ordinal)}.${nmi.org.domain})`,
      nodeIdentityEntries(nmi.org.peer(ordinal)),
      nmi.org.peer(ordinal),
    ),
  );
}

function identityPlans(nmi: NmiTarget): ObjectPlan[] {
  const tlsCa = nmi.org.tlsCaCert();
  const ccserver = nmi.org.chaincodeServerTls();
  return [
    nmi.object(
      'Secret',
      nmiSecretNames.admin(nmi.prefix),
      'admin (channel-join Job)',
      mspEntries(nmi.org.adminMsp()),
    ),
    nmi.object('Secret', nmiSecretNames.ccserverTls(nmi.prefix), 'chaincode server TLS', [
      fileEntry('tls.crt', ccserver.cert),
      fileEntry('tls.key', ccserver.key),
      fileEntry('ca.crt', tlsCa),
    ]),
    ...SERVICE_NAMES.map((service) =>
      nmi.object(
        'Secret',
        nmiSecretNames.serviceIdentity(nmi.prefix, service),
        `${service} service identity`,
        [
          fileEntry('cert.pem', nmi.org.serviceIdentity(service).cert),
          fileEntry('key.pem', nmi.org.serviceIdentity(service).key),
          fileEntry('tlscacert.pem', tlsCa),
        ],
      ),
    ),
  ];
}

function channelPlans(nmi: NmiTarget): ObjectPlan[] {
  const { ordererOrg, block, layout, channelNmis } = nmi.context;
  const plans: ObjectPlan[] = [];
  if (ordererOrg !== undefined) {
    plans.push(
      nmi.object('Secret', nmiSecretNames.ordererTlsCa(nmi.prefix), "the orderers' TLS CA", [
        fileEntry('ca.crt', ordererOrg.tlsCaCert()),
      ]),
    );
  }
  if (block !== undefined) {
    plans.push(
      nmi.object('Secret', nmiSecretNames.channelBlock(nmi.prefix), 'channel block (channel-join Job)', [
        fileEntry(CHANNEL_BLOCK_KEY, block),
      ]),
    );
  }
  const roots = channelNmis.map((name) => fileEntry(tlsRootKey(name), layout.peerOrg(name).tlsCaCert()));
  if (ordererOrg !== undefined) {
    roots.push(fileEntry(ORDERERS_TLS_ROOT_KEY, ordererOrg.tlsCaCert()));
  }
  plans.push(
    nmi.object('ConfigMap', TLS_ROOTS_CONFIGMAP, "TLS CAs of every NMI's peers and the orderers", roots),
  );
  return plans;
}

/**
 * Everything one NMI's namespace needs from the crypto folder: its peers' identities (metrochain-nmi), the admin for
 * the join Job, the chaincode server's TLS pair, the five service identities (registration in metrochain-nmi, the
 * others in metrochain-services, installed in the same namespace), the orderers' TLS CA, the channel block and
 * the TLS roots ConfigMap of metrochain-services.
 */
export function planNmi(context: NmiPlanContext, request: NmiRequest): ObjectPlan[] {
  const nmi = new NmiTarget(context, request);
  return [...peerPlans(nmi), ...identityPlans(nmi), ...channelPlans(nmi)];
}
