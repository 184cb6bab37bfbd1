import {
  type AttestBatchRequest,
  type AttestBatchResult,
  type MetersAttestedEvent,
  RegistryEvents,
  attestBatchRequestSchema,
} from '@metrochain/contracts';
import { isDomainError } from '@metrochain/errors';
import type { Context } from 'fabric-contract-api';
import { toCanonicalJson } from '../common/state';
import { parseJsonArgument } from '../common/validate-argument';
import { type RegistryEventSink, recordAttestation } from './attest-meter';
import { AttestationLedger } from './attestation-ledger';
import { emitRegistryEvent } from './registry-state';

export function parseAttestBatchRequest(requestJson: string): AttestBatchRequest {
  return parseJsonArgument(attestBatchRequestSchema, requestJson, 'attestation batch');
}

/**
 * Attests many meters for the caller's NMI in one transaction, each with the checks of `attest`. An attestation
 * that fails is reported with its code and writes nothing; the others are recorded. A meter may appear once per
 * batch, and a nonce too. The ledger is read in one peer message and written in one (AttestationLedger). One
 * `registry.meters.attested` event carries the events of every recorded attestation.
 */
export async function attestBatch(
  ctx: Context,
  request: AttestBatchRequest,
  attester: string,
): Promise<string> {
  const events: MetersAttestedEvent['events'] = [];
  const collect: RegistryEventSink = (_ctx, name, payload) => {
    events.push({ name, payload } as MetersAttestedEvent['events'][number]);
  };
  const ledger = await AttestationLedger.load(ctx, attester, request.attestations);
  const seen = new Set<string>();
  const results: AttestBatchResult['results'] = [];
  for (const attestation of request.attestations) {
    const { meterId } = attestation;
    if (seen.has(meterId)) {
      results.push({
        ok: false,
        meterId,
        code: 'DUPLICATE_IN_BATCH',
        message: `meter ${meterId} twice in a batch`,
      });
      continue;
    }
    seen.add(meterId);
    try {
      const meter = recordAttestation(ctx, ledger, attestation, attester, collect);
      results.push({ ok: true, meterId, status: meter.status });
    } catch (error) {
      if (!isDomainError(error)) {
        throw error;
      }
      results.push({ ok: false, meterId, code: error.code, message: error.message });
    }
  }
  await ledger.flush();
  if (events.length > 0) {
    emitRegistryEvent(ctx, RegistryEvents.metersAttested, { events });
  }
  return toCanonicalJson({ results });
}
