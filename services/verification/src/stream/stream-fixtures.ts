import { type VerificationRecord, verificationsV1ValueSchema } from '@metrochain/contracts';

/** Records for the stream's specs; parsed with the topic's contract, so a fixture can never drift from it. */
export function verificationRecord(
  fields: Readonly<{ index?: number; meterId?: string; outcome?: 'valid' | 'invalid' }> = {},
): VerificationRecord {
  const base = {
    verificationId: `vb-PTBMSP-spec-1.${String(fields.index ?? 0)}`,
    source: 'api',
    meterId: fields.meterId ?? 'meter-1',
    dataDigest: 'a'.repeat(64),
    measuredAt: '2025-06-01T12:00:00.000Z',
    meterStatus: 'active',
    keyFingerprint: 'b'.repeat(64),
    attestedBy: ['PTBMSP', 'InmetroMSP'],
    verifiedBy: 'PTBMSP',
    checkedAt: '2025-06-01T12:00:00.300Z',
  };
  return verificationsV1ValueSchema.parse(
    fields.outcome === 'invalid'
      ? { ...base, outcome: 'invalid', reason: 'SIGNATURE_INVALID' }
      : { ...base, outcome: 'valid' },
  );
}
