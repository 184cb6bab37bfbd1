import { Module } from '@nestjs/common';
import type { NetworkProfile } from '@metrochain/config';
import { type LedgerConnection, connectLedger, newChainReader } from '@metrochain/ledger';
import { SERVICE_CONTEXT, type ServiceContext } from '@metrochain/service-kit';
import type { AuditConfig } from '../config/audit.config';
import { type NetworkHealthSettings, loadNetworkHealthConfig } from '../config/network-health.config';
import { FindingsService } from '../findings/findings.service';
import { NetworkHealthController } from './network-health.controller';
import { NetworkMonitor } from './network-monitor';
import { NetworkMonitorHost } from './network-monitor.host';
import type { MonitoredOrderer, MonitoredPeer } from './network-observer';
import { metricsUrl, scrapeMetrics } from './operations-scrape';

type Context = ServiceContext<AuditConfig>;

// A restarted peer is read again within a few seconds rather than after gRPC's default backoff (up to 120 s).
const MAX_RECONNECT_BACKOFF_MS = 2_000;

/** Settings, read and validated once at start-up. */
const NETWORK_HEALTH_SETTINGS = Symbol('NETWORK_HEALTH_SETTINGS');
const PEER_CONNECTIONS = Symbol('PEER_CONNECTIONS');

interface PeerConnection {
  peer: MonitoredPeer;
  connection: LedgerConnection;
}

/** One connection per peer of every NMI, with the audit service's own identity (deliver and qscc need membership). */
async function connectPeers(context: Context, settings: NetworkHealthSettings): Promise<PeerConnection[]> {
  const { profile } = context;
  const targets = Object.entries(profile.organizations).flatMap(([org, organization]) =>
    organization.peers.map((peer, peerIndex) => ({ org, mspId: organization.mspId, peer, peerIndex })),
  );
  return Promise.all(
    targets.map(async ({ org, mspId, peer, peerIndex }) => {
      const connection = await connectLedger({
        profile,
        org: context.config.org,
        identity: context.identity,
        peerOrg: org,
        peerIndex,
        maxReconnectBackoffMs: MAX_RECONNECT_BACKOFF_MS,
        deadlines: { evaluateMs: settings.timeoutMs },
      });
      const reader = newChainReader({ network: connection.network, timeoutMs: settings.timeoutMs });
      return {
        peer: { org, mspId, name: peer.name, metricsUrl: metricsUrl(peer.operationsEndpoint), reader },
        connection,
      };
    }),
  );
}

function orderersOf(profile: NetworkProfile): MonitoredOrderer[] {
  return profile.orderers.map((orderer) => ({
    name: orderer.name,
    metricsUrl: metricsUrl(orderer.operationsEndpoint),
  }));
}

/**
 * Cross-NMI ledger comparison and Raft/peer health: polls every peer and orderer, reports ledger-divergence,
 * peer-behind and raft-health findings (resolved when healthy again) and serves the views under /api/network.
 */
@Module({
  controllers: [NetworkHealthController],
  providers: [
    { provide: NETWORK_HEALTH_SETTINGS, useFactory: (): NetworkHealthSettings => loadNetworkHealthConfig() },
    {
      provide: PEER_CONNECTIONS,
      useFactory: (context: Context, settings: NetworkHealthSettings): Promise<PeerConnection[]> =>
        connectPeers(context, settings),
      inject: [SERVICE_CONTEXT, NETWORK_HEALTH_SETTINGS],
    },
    {
      provide: NetworkMonitor,
      useFactory: (
        context: Context,
        settings: NetworkHealthSettings,
        peers: PeerConnection[],
        findings: FindingsService,
      ): NetworkMonitor =>
        new NetworkMonitor({
          channel: context.profile.channel,
          peers: peers.map(({ peer }) => peer),
          orderers: orderersOf(context.profile),
          scrape: scrapeMetrics,
          findings,
          settings,
        }),
      inject: [SERVICE_CONTEXT, NETWORK_HEALTH_SETTINGS, PEER_CONNECTIONS, FindingsService],
    },
    {
      provide: NetworkMonitorHost,
      useFactory: (
        monitor: NetworkMonitor,
        settings: NetworkHealthSettings,
        peers: PeerConnection[],
      ): NetworkMonitorHost =>
        new NetworkMonitorHost(monitor, settings.pollMs, () => {
          for (const { connection } of peers) {
            connection.close();
          }
        }),
      inject: [NetworkMonitor, NETWORK_HEALTH_SETTINGS, PEER_CONNECTIONS],
    },
  ],
})
export class NetworkHealthModule {}
