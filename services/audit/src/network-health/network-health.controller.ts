import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { NetworkComparison, NetworkPeers, NetworkRaft } from '@metrochain/contracts';
import { Allow } from '@metrochain/service-kit';
import { NetworkComparisonDto, NetworkPeersDto, NetworkRaftDto } from './network-health.dto';
import { NetworkMonitor } from './network-monitor';

/** The last poll's view of peers, the cross-NMI comparison and Raft: auditors only (docs/audit-network.md). */
@ApiTags('network')
@Controller('api/network')
export class NetworkHealthController {
  readonly #monitor: NetworkMonitor;

  constructor(@Inject(NetworkMonitor) monitor: NetworkMonitor) {
    this.#monitor = monitor;
  }

  @Get('peers')
  @Allow('auditor')
  @ApiOkResponse({ type: NetworkPeersDto })
  peers(): NetworkPeers {
    return this.#monitor.peers();
  }

  @Get('comparison')
  @Allow('auditor')
  @ApiOkResponse({ type: NetworkComparisonDto })
  comparison(): NetworkComparison {
    return this.#monitor.comparison();
  }

  @Get('raft')
  @Allow('auditor')
  @ApiOkResponse({ type: NetworkRaftDto })
  raft(): NetworkRaft {
    return this.#monitor.raft();
  }
}
