import type { Reading } from '@metrochain/contracts';

/** A well-formed speed reading; its signature is well-formed base64, nothing here checks it. */
export function readingOf(seq: number, meterId = 'meter-1', fields: Partial<Reading> = {}): Reading {
  return {
    meterId,
    seq,
    measuredAt: '2025-03-01T11:59:00.000Z',
    kind: 'speed',
    payload: { loopDistanceM: 2.5, sampleRateHz: 10_000, loopA: [0, 3, 9, 4, 0], loopB: [0, 0, 2, 8, 5] },
    signature:
      'MEQCIAH6iXyRiymBaHY1GzdZnBeC/VhRb7d09IokTNPSeGxVAiATRTxw6OSyn/Om/WRCMz/8vQm2nylKk3YBjcaePaKzAQ==',
    ...fields,
  };
}

export const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
