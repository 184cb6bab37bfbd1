import type { KeyObject } from 'node:crypto';
import type { Reading } from '@metrochain/contracts';
import { signData } from '@metrochain/pki';
import { signedBytes, type UnsignedReading } from './signed-bytes';

/** Signs as a sealed meter does: ECDSA-P256-SHA256 over the canonical bytes, DER, standard base64. */
export function signReading(reading: UnsignedReading, privateKey: KeyObject | string): Reading {
  return { ...reading, signature: signData(privateKey, signedBytes(reading)) };
}
