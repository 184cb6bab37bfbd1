import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readingIdOf } from '../readings/signed-bytes';
import { signReading } from '../readings/sign-reading';
import type { SentReading } from '../state/meter-record';

export const TEST_KEY: { privateKey: KeyObject; publicKey: KeyObject } = generateKeyPairSync('ec', {
  namedCurve: 'P-256',
});

/** A signed energy reading with a small made-up payload, for tests of the transport. */
export function sampleEntry(meterId: string, seq: number, payloadBytes = 0): SentReading {
  const reading = signReading(
    {
      meterId,
      seq,
      measuredAt: new Date(Date.UTC(2026, 0, 5, 10, 0, seq)).toISOString(),
      kind: 'energy',
      payload: { windowS: 0.5, filler: 'x'.repeat(payloadBytes) },
    },
    TEST_KEY.privateKey,
  );
  return {
    readingId: readingIdOf(reading),
    reading,
    truth: { kind: 'energy', meterId, seq, trueEnergyWh: 1.5 },
  };
}
