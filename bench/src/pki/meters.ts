import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { AttestRequest } from '@metrochain/contracts';
import { attestationStatement, keyFingerprint, newNonce, signData } from '@metrochain/pki';

/** A simulated meter with its key pair and one signed attestation answer per NMI, prepared before timing. */
export interface BenchMeter {
  id: string;
  privatePem: string;
  answers: AttestRequest[];
}

export function prepareMeters(count: number, attesters: readonly string[], runId: string): BenchMeter[] {
  return Array.from({ length: count }, (_, index) => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const privatePem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const id = `bench-${runId}-${String(index)}`;
    const answers = attesters.map((attester) => {
      const nonce = newNonce();
      const statement = attestationStatement({
        meterId: id,
        keyFingerprint: keyFingerprint(publicKeyPem),
        attester,
        nonce,
      });
      return {
        meterId: id,
        model: 'BENCH-1',
        publicKeyPem,
        nonce,
        signature: signData(privatePem, statement),
      };
    });
    return { id, privatePem, answers };
  });
}

/** Signed data for checks: `perMeter` distinct texts per meter, signed with its key. */
export function signedChecks(
  meters: readonly BenchMeter[],
  perMeter: number,
): { meterId: string; data: string; signature: string }[] {
  return meters.flatMap((meter) =>
    Array.from({ length: perMeter }, (_, n) => {
      const data = JSON.stringify({ meter: meter.id, n, wh: 1000 + n, at: randomUUID() });
      return { meterId: meter.id, data, signature: signData(meter.privatePem, data) };
    }),
  );
}
