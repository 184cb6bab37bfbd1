import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { energyReading, finalStatus, ingest } from '../support/ingest';
import { billing } from '../support/billing-api';
import { type TestMeter, newMeter } from '../support/meters';
import { operatorOf, tokenOf } from '../support/principals';
import { Registrars } from '../support/registered-meters';
import { TEST_MODEL, approveModel } from '../support/registration-api';
import { expectCreated } from '../support/billing-scenario';

/** The utility and customer the billing cases act as. */
export const UTILITY = 'stadtwerke-nord';
export const CUSTOMER = 'customer-0001';

/**
 * What the cases refer to: meters in every state, a billing account on the active meter, and a seq counter so that
 * every reading a case sends is new (a reading already seen would be a duplicate, not the case it means).
 */
export interface Fixtures {
  /** Active, with seq 1, 2 and 10 recorded: a lower seq is out of order, 2 again is a replay. */
  meter: TestMeter;
  /** Was active, revoked. */
  revoked: TestMeter;
  /** Attested by one NMI of two: registered, not active. */
  pending: TestMeter;
  /** Never registered. */
  stranger: TestMeter;
  accountId: string;
  tariff: { tariffId: string; version: number };
  /** A seq above every recorded one, new on each call. */
  nextSeq(): number;
}

/** The last seq recorded for `Fixtures.meter` by the setup. */
export const LAST_RECORDED_SEQ = 10;

/** Three slot bands of the 96 of a day, each at least two hours wide. */
const BANDS = Array.from({ length: 96 }, (_, slot) => (slot < 24 ? 0 : slot < 80 ? 1 : 2));

export async function setUpFixtures(): Promise<Fixtures> {
  // The model the registration cases name: approved, so that what they get refused for is their own fault.
  await approveModel(TEST_MODEL);
  const registrars = await Registrars.open();
  let fixtures: Fixtures;
  try {
    const meter = await registrars.activeMeter('bad-input');
    const revoked = await registrars.activeMeter('bad-input-revoked');
    const pending = await registrars.pendingMeter('bad-input-pending');
    await registrars.revoke(revoked.id, 'bad-input corpus');
    const recorded = await ingest([1, 2, LAST_RECORDED_SEQ].map((seq) => energyReading(meter, seq)));
    for (const { readingId } of recorded.accepted) {
      const status = await finalStatus(readingId);
      if (status.status !== 'recorded') {
        throw new Error(`setup reading ${readingId}: ${JSON.stringify(status)}`);
      }
    }
    const suffix = randomUUID().slice(0, 8);
    const tariff = { tariffId: `bad-input-${suffix}`, version: 1 };
    await expectCreated(
      'tariff',
      billing('POST', '/tariffs', operatorOf('PTB'), {
        ...tariff,
        currency: 'EUR',
        bands: BANDS,
        pricesMinorPerKWh: [21, 32, 41],
      }),
    );
    const accountId = `bad-input-${suffix}`;
    await expectCreated(
      'account',
      billing('POST', '/accounts', tokenOf(UTILITY), {
        accountId,
        customer: CUSTOMER,
        meterId: meter.id,
        billingFrom: '2026-01',
      }),
    );
    let seq = 100;
    fixtures = {
      meter,
      revoked,
      pending,
      stranger: newMeter('bad-input-unknown'),
      accountId,
      tariff,
      nextSeq: () => (seq += 1),
    };
  } finally {
    registrars.close();
  }
  return fixtures;
}

/** A valid energy reading of `meter` at `seq`, with any field replaced before it is signed. */
export const reading = energyReading;

/** The fields of a reading as loose JSON, for cases that break one of them after signing. */
export function readingJson(meter: TestMeter, seq: number): Record<string, unknown> {
  return { ...reading(meter, seq) };
}

function spkiPem(key: { export(options: { format: 'pem'; type: 'spki' }): string | Buffer }): string {
  return key.export({ format: 'pem', type: 'spki' }).toString();
}

function pemOfDer(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

const P256_SPKI_UNCOMPRESSED = '3059301306072a8648ce3d020106082a8648ce3d030107034200';
const P256_SPKI_COMPRESSED = '3039301306072a8648ce3d020106082a8648ce3d030107032200';

/** Public keys a meter must not register with: other curves and algorithms, and P-256 points off the curve. */
export const BAD_KEYS = {
  p384: () => spkiPem(generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey),
  secp256k1: () => spkiPem(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey),
  ed25519: () => spkiPem(generateKeyPairSync('ed25519').publicKey),
  rsa: () => spkiPem(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey),
  /** A real P-256 point with the last bit of y flipped: not on the curve. */
  offCurve: () => {
    const der = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
      format: 'der',
      type: 'spki',
    });
    der[der.length - 1] = (der[der.length - 1] ?? 0) ^ 1;
    return pemOfDer(der);
  },
  /** The point at infinity spelled as 0x04 with zero coordinates. */
  zeroPoint: () => pemOfDer(Buffer.concat([Buffer.from(P256_SPKI_UNCOMPRESSED, 'hex'), Buffer.alloc(65)])),
  /** Compressed, x = 1: no y on P-256 has it. */
  compressedOffCurve: () => {
    const x = Buffer.alloc(32);
    x[31] = 1;
    return pemOfDer(Buffer.concat([Buffer.from(P256_SPKI_COMPRESSED, 'hex'), Buffer.from([2]), x]));
  },
  /** A valid key with a byte after its SPKI: two encodings of one key. */
  trailingByte: () =>
    pemOfDer(
      Buffer.concat([
        generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'der', type: 'spki' }),
        Buffer.from([0]),
      ]),
    ),
  notPem: () => 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB corpus',
} as const;

/** 32 bytes that are no canonical ristretto255 encoding (all bits set: above the field prime). */
export const FE_CIPHERTEXT_OFF_GROUP = Buffer.alloc(32, 0xff).toString('base64');
/** 64 bytes whose scalars are above the group order: no functional key. */
export const FE_KEY_NOT_SCALARS = Buffer.alloc(64, 0xff).toString('base64');

/** Identifiers that look like ids but are not: what a user interface could show as an id it has seen. */
export const UNICODE_IDS = {
  rtlMark: (id: string) => `${id}\u200f`,
  rtlOverride: (id: string) => `\u202e${id}`,
  zeroWidthSpace: (id: string) => `${id.slice(0, 4)}\u200b${id.slice(4)}`,
  nul: (id: string) => `${id}\u0000`,
  emoji: (id: string) => `${id}-\u{1f4a5}`,
  // Cyrillic а (U+0430) for Latin a.
  homoglyph: (id: string) => id.replace('a', '\u0430').replace('e', '\u0435'),
  fullwidth: (id: string) => `\uff4d${id}`,
} as const;

/** JSON nesting far past any schema: a body of brackets. */
export function deeplyNested(levels: number): string {
  return `${'['.repeat(levels)}1${']'.repeat(levels)}`;
}

/** A JSON object of `levels` nested objects around one number, as text. */
export function deeplyNestedObject(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}
