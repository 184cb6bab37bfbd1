import { formatReceipt, signedTextOf } from '@metrochain/contracts';
import { eventually } from './eventually';
import { energyReading } from './ingest';
import type { TestMeter } from './meters';

const VERIFICATION_URL = 'http://127.0.0.1:3002';

/** The receipt a meter's reading prints: MC1|meter|base64url(signed JSON)|signature. */
export function receiptOf(
  meter: TestMeter,
  seq: number,
): { receipt: string; signedText: string; signature: string } {
  const reading = energyReading(meter, seq);
  const signedText = signedTextOf(reading);
  return {
    receipt: formatReceipt(meter.id, signedText, reading.signature),
    signedText,
    signature: reading.signature,
  };
}

/** Verifies a signed text at the verification service and waits until its record's batch is anchored. */
export async function anchoredVerification(
  meterId: string,
  data: string,
  signature: string,
  waitForAnchor = true,
): Promise<{ verificationId: string; anchorTxId: string }> {
  const response = await fetch(`${VERIFICATION_URL}/verifications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ meterId, data, signature }),
  });
  const verdict = (await response.json()) as { verificationId?: string };
  if (response.status !== 200 || verdict.verificationId === undefined) {
    throw new Error(`verification answered ${response.status}: ${JSON.stringify(verdict)}`);
  }
  const id = verdict.verificationId;
  if (!waitForAnchor) {
    return { verificationId: id, anchorTxId: '' };
  }
  return eventually(
    `anchor of ${id}`,
    async () => {
      const record = (await (
        await fetch(`${VERIFICATION_URL}/verifications/${encodeURIComponent(id)}`)
      ).json()) as {
        anchor: { txId: string } | null;
      };
      return record.anchor === null ? undefined : { verificationId: id, anchorTxId: record.anchor.txId };
    },
    60_000,
    500,
  );
}
