import type { Command } from '../command';
import { usageError } from '@metrochain/tool-kit';
import type { ServiceName } from '../endpoints/endpoint';
import { parseOptions } from '@metrochain/tool-kit';
import { endpointOf } from './service-clients';

const OPTIONS = {
  service: { type: 'string' },
  registration: { type: 'string' },
  verification: { type: 'string' },
  org: { type: 'string' },
} as const;
const SERVICES: readonly ServiceName[] = ['registration', 'verification'];

export const endpointsCommand: Command = {
  name: 'endpoints',
  summary: 'the service URLs the other commands would use, and where each came from',
  usage: `metrochain-pki endpoints [--service registration|verification] [--org <nmi>] [--registration <url>] [--verification <url>]

Resolves each service URL as the other commands do: the option, else --org's instance in the network file
(an error if it lists none), else $METROCHAIN_REGISTRATION_URL / $METROCHAIN_VERIFICATION_URL, else the
first instance in the network file ($METROCHAIN_NETWORK_FILE or .devnet/network.json), else
http://127.0.0.1:3001 and :3002.

  --service <name>       only this service (default: both); --org applies to every service shown

Prints {registration, verification}, each {url, source, org?}; source is option, environment, network-file
or default.`,
  run(argv, context) {
    const values = parseOptions(argv, OPTIONS);
    const wanted = values.service;
    if (wanted !== undefined && !SERVICES.some((service) => service === wanted)) {
      throw usageError(`--service: expected ${SERVICES.join(' or ')}`);
    }
    const shown = SERVICES.filter((service) => wanted === undefined || service === wanted);
    const entries = shown.map((service) => {
      const { url, source, org } = endpointOf(service, values, context);
      return [service, { url, source, ...(org === undefined ? {} : { org }) }] as const;
    });
    return Promise.resolve({ output: Object.fromEntries(entries) });
  },
};
