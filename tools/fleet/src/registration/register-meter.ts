import type { KeyObject } from 'node:crypto';
import type { MeterView } from '@metrochain/contracts';
import { isDomainError } from '@metrochain/errors';
import { expectAttestationStatement, signData, type MeterPublicKey } from '@metrochain/pki';
import { FleetErrorCode, fleetError } from '../fleet-error';
import { REGISTRATION_RETRY, withRetry, type RetryPolicy } from '../http/retry';
import type { RegistrationApi } from './registration-client';

/** One NMI's registration service. */
export interface RegistrationTarget {
  mspId: string;
  api: RegistrationApi;
}

export interface MeterIdentity {
  meterId: string;
  model: string;
  privateKey: KeyObject;
  publicKey: MeterPublicKey;
}

export interface MeterRegistration {
  attestedBy: string[];
  active: boolean;
}

export interface RegisterMeterOptions {
  /** NMIs that attested before (kept in the state folder); they are not asked again. */
  attestedBy: readonly string[];
  /** Called after each attestation, so that the caller can keep it before the next NMI is asked. */
  onAttested?: (registration: MeterRegistration) => void;
  retry?: RetryPolicy;
}

/**
 * The PKI flow of docs/pki.md with every NMI in turn (never two at once: both write the same meter on the ledger):
 * request a challenge, check it is this meter's attestation statement, sign it, answer. Active once the ledger
 * counts enough attestations.
 */
export async function registerMeter(
  meter: MeterIdentity,
  targets: readonly RegistrationTarget[],
  options: RegisterMeterOptions,
): Promise<MeterRegistration> {
  const attestedBy = new Set(options.attestedBy);
  let view: MeterView | undefined;
  for (const target of targets.filter((candidate) => !attestedBy.has(candidate.mspId))) {
    view = await withRetry(() => attestOnce(meter, target), options.retry ?? REGISTRATION_RETRY);
    attestedBy.add(target.mspId);
    options.onAttested?.({ attestedBy: [...attestedBy], active: view.status === 'active' });
  }
  if (view?.status !== 'active') {
    const [first] = targets;
    view =
      first === undefined
        ? view
        : await withRetry(() => first.api.getMeter(meter.meterId), REGISTRATION_RETRY);
  }
  if (view?.status !== 'active') {
    throw fleetError(
      FleetErrorCode.METER_NOT_ACTIVE,
      `${meter.meterId} is ${view?.status ?? 'unknown'} after attestations by ${[...attestedBy].join(', ')}`,
      { details: { meterId: meter.meterId, status: view?.status } },
    );
  }
  return { attestedBy: [...attestedBy], active: true };
}

/** One challenge and answer; an attestation made before (a crash after answering) counts as done. */
async function attestOnce(meter: MeterIdentity, target: RegistrationTarget): Promise<MeterView> {
  const { meterId, model } = meter;
  try {
    const challenge = await target.api.issueChallenge({ meterId, model, publicKeyPem: meter.publicKey.pem });
    expectAttestationStatement(challenge.statement, { meterId, keyFingerprint: meter.publicKey.fingerprint });
    const signature = signData(meter.privateKey, challenge.statement);
    const answer = await target.api.answerChallenge(challenge.challengeId, { signature });
    if (answer.status === 'held') {
      throw fleetError(
        FleetErrorCode.REGISTRATION_HELD,
        `${meterId} is held for an operator's approval at ${target.mspId} (registration ${answer.registrationId})`,
        { details: { meterId, registrationId: answer.registrationId } },
      );
    }
    return answer;
  } catch (error) {
    if (isDomainError(error) && error.code === 'ALREADY_ATTESTED') {
      return target.api.getMeter(meterId);
    }
    throw error;
  }
}
