import { ChaincodeError } from '../common/chaincode-error';

/**
 * Fails with LR_NOT_APPROVED unless a notified body approved `fingerprint` (the running build) for every meter kind
 * of the batch and has not withdrawn it; `unapprovedKinds` are the kinds without an approval in force, as the
 * batch's first read found them (BatchLedger.load). The approval keys are in the read set, so a withdrawal
 * committed between endorsement and validation invalidates the batch (MVCC) rather than letting it through.
 */
export function requireApprovedSoftware(fingerprint: string, unapprovedKinds: readonly string[]): void {
  if (unapprovedKinds.length > 0) {
    throw new ChaincodeError(
      'LR_NOT_APPROVED',
      `the running LR software ${fingerprint} is not approved for ${unapprovedKinds.join(', ')}`,
      { fingerprint, meterKinds: [...unapprovedKinds] },
    );
  }
}
