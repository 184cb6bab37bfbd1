import { Logger } from '@nestjs/common';
import type { NetworkComparison, NetworkPeers, NetworkRaft, OrgChainView } from '@metrochain/contracts';
import type { NetworkHealthSettings } from '../config/network-health.config';
import type { FindingsService } from '../findings/findings.service';
import {
  type Condition,
  type HeaderReading,
  type OrdererObservation,
  type PeerObservation,
  conditionKey,
  divergenceCondition,
  maxHeight,
  peerConditions,
  raftConditions,
} from './health-rules';
import { ConditionTimer, LeaderChangeHistory } from './health-trackers';
import {
  type MonitoredOrderer,
  type MonitoredPeer,
  observeOrderer,
  observePeer,
  readHeaders,
  readOrgViews,
} from './network-observer';
import { comparisonView, peersView, raftView } from './network-views';
import type { ScrapeMetrics } from './operations-scrape';

const logger = new Logger('NetworkMonitor');

export interface NetworkMonitorOptions {
  channel: string;
  peers: readonly MonitoredPeer[];
  orderers: readonly MonitoredOrderer[];
  scrape: ScrapeMetrics;
  findings: Pick<FindingsService, 'report' | 'resolve'>;
  settings: NetworkHealthSettings;
  now?: () => Date;
}

/** What the last poll saw; the API views are built from it. */
export interface NetworkSnapshot {
  checkedAt: Date;
  peers: PeerObservation[];
  lastSeen: ReadonlyMap<string, Date>;
  comparedBlock: number | undefined;
  headers: HeaderReading[];
  orgViews: OrgChainView[];
  orderers: (OrdererObservation & { committedBlock: number | undefined })[];
  conditions: Condition[];
  /** Keys (conditionKey) of the findings this process has open. */
  open: ReadonlySet<string>;
}

/**
 * Polls every peer's and orderer's operations endpoint and every peer's ledger, turns what it sees into conditions
 * (health-rules.ts) and reports or resolves findings as they start and stop holding.
 */
export class NetworkMonitor {
  readonly #options: NetworkMonitorOptions;
  readonly #timer = new ConditionTimer();
  readonly #leaderChanges: LeaderChangeHistory;
  readonly #lastSeen = new Map<string, Date>();
  /** Findings this process reported and has not resolved. */
  readonly #open = new Set<string>();
  /** Conditions seen healthy at least once since start: an open finding left by an earlier process is resolved once. */
  readonly #checked = new Set<string>();
  #snapshot: NetworkSnapshot | undefined;

  constructor(options: NetworkMonitorOptions) {
    this.#options = options;
    this.#leaderChanges = new LeaderChangeHistory(options.settings.leaderChangesWindowSeconds * 1000);
  }

  /** One pass: observe, compare, apply the rules; findings that fail to publish are retried next pass. */
  async poll(): Promise<void> {
    const { channel, peers, orderers, scrape, settings } = this.#options;
    const now = this.#options.now?.() ?? new Date();
    const observe = { channel, scrape, timeoutMs: settings.timeoutMs };
    const [peerObservations, ordererObservations] = await Promise.all([
      Promise.all(peers.map((peer) => observePeer(peer, observe))),
      Promise.all(orderers.map((orderer) => observeOrderer(orderer, observe))),
    ]);
    for (const observed of [...peerObservations, ...ordererObservations]) {
      if (observed.reachable) {
        this.#lastSeen.set(observed.name, now);
      }
    }
    const comparedBlock = comparedBlockOf(peerObservations);
    const [headers, orgViews] = await Promise.all([
      readHeaders(peers, peerObservations, comparedBlock),
      readOrgViews(peers),
    ]);
    for (const orderer of ordererObservations) {
      this.#leaderChanges.record(orderer.name, orderer.leaderChanges, now.getTime());
    }
    const conditions = [
      ...peerConditions(peerObservations, settings),
      ...raftConditions(
        channel,
        ordererObservations,
        this.#leaderChanges.changesInWindow(now.getTime()),
        settings,
      ),
      divergenceCondition(channel, comparedBlock, headers),
    ];
    await this.#apply(conditions, now.getTime());
    this.#snapshot = {
      checkedAt: now,
      peers: peerObservations,
      lastSeen: new Map(this.#lastSeen),
      comparedBlock,
      headers,
      orgViews,
      orderers: ordererObservations,
      conditions,
      open: new Set(this.#open),
    };
  }

  peers(): NetworkPeers {
    return peersView(this.#options.channel, this.#options.peers, this.#snapshot);
  }

  comparison(): NetworkComparison {
    return comparisonView(this.#options.channel, this.#snapshot);
  }

  raft(): NetworkRaft {
    return raftView(this.#options.channel, this.#options.orderers, this.#snapshot);
  }

  async #apply(conditions: readonly Condition[], nowMs: number): Promise<void> {
    for (const condition of conditions) {
      const verdict = this.#timer.verdict(condition, nowMs);
      try {
        if (verdict === true) {
          await this.#report(condition);
        } else if (verdict === false) {
          await this.#resolve(condition);
        }
      } catch (error) {
        logger.warn(`cannot record ${condition.category} on ${condition.subject}: ${String(error)}`);
      }
    }
  }

  async #report(condition: Condition): Promise<void> {
    const { category, subject, severity, summary, evidence, dedupeKey } = condition;
    await this.#options.findings.report({ category, subject, severity, summary, evidence }, { dedupeKey });
    this.#open.add(conditionKey(condition));
  }

  async #resolve(condition: Condition): Promise<void> {
    const key = conditionKey(condition);
    if (!this.#open.has(key) && this.#checked.has(key)) {
      return;
    }
    const { category, subject, evidence, dedupeKey } = condition;
    const what = dedupeKey === undefined ? category : `${category} (${dedupeKey})`;
    await this.#options.findings.resolve(
      category,
      subject,
      `${what} on ${subject} is healthy again`,
      evidence,
      {
        dedupeKey,
      },
    );
    this.#open.delete(key);
    this.#checked.add(key);
  }
}

/** The block every reachable peer has: the lowest reachable height minus one; undefined before any block. */
export function comparedBlockOf(peers: readonly PeerObservation[]): number | undefined {
  const heights = peers.flatMap((peer) => (peer.reachable && peer.height !== undefined ? [peer.height] : []));
  if (heights.length === 0 || maxHeight(peers) === undefined) {
    return undefined;
  }
  const lowest = Math.min(...heights);
  return lowest >= 1 ? lowest - 1 : undefined;
}
