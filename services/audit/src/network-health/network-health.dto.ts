import { networkComparisonSchema, networkPeersSchema, networkRaftSchema } from '@metrochain/contracts';
import { zodDto } from '@metrochain/service-kit';

// OpenAPI shapes generated from the zod schemas in libs/contracts (audit-network-api.ts).

export class NetworkPeersDto extends zodDto(networkPeersSchema) {}
export class NetworkComparisonDto extends zodDto(networkComparisonSchema) {}
export class NetworkRaftDto extends zodDto(networkRaftSchema) {}
