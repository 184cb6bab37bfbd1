import { isDomainError } from '@metrochain/errors';
import type { Metrics } from '@metrochain/service-kit';
import type { AttestationPort } from './attest-and-read';

export const ATTESTATIONS_METRIC = 'metrochain_registration_attestations_total';

/** The attestation port, counting each meter attestation on /metrics: attested, or refused/failed by code. */
export function countedAttestations(port: AttestationPort, metrics: Metrics): AttestationPort {
  const attestations = metrics.counter({
    name: ATTESTATIONS_METRIC,
    help: 'Meter attestations (registration on the ledger), by outcome and error code (none when attested)',
    labelNames: ['outcome', 'code'],
  });
  attestations.inc({ outcome: 'attested', code: 'none' }, 0);
  return {
    attest: async (request) => {
      try {
        const attested = await port.attest(request);
        attestations.inc({ outcome: 'attested', code: 'none' });
        return attested;
      } catch (error) {
        attestations.inc({ outcome: 'failed', code: isDomainError(error) ? error.code : 'UNKNOWN' });
        throw error;
      }
    },
  };
}
