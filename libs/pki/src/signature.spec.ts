import assert from 'node:assert/strict';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { describe, it } from 'node:test';
import { isDomainError } from '@metrochain/errors';
import { PkiErrorCode } from './pki-error';
import { parsePublicKey } from './public-key';
import { signData, verifySignature } from './signature';
import { decodeSignature } from './signature-encoding';

// Order of the P-256 group: s and n - s are both valid signatures over the same message.
const P256_ORDER = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');

interface TestMeter {
  publicPem: string;
  privateKey: KeyObject;
}

function newMeter(): TestMeter {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(), privateKey };
}

const withCode =
  (code: string) =>
  (error: unknown): boolean =>
    isDomainError(error) && error.code === code;

function derInteger(value: bigint): Buffer {
  let hex = value.toString(16);
  hex = hex.length % 2 === 0 ? hex : `0${hex}`;
  const bytes = Buffer.from(hex, 'hex');
  const body = (bytes[0] ?? 0) >= 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
  return Buffer.concat([Buffer.from([0x02, body.length]), body]);
}

/** The other valid signature of the pair (r, s) / (r, n - s). */
function flipS(signatureB64: string): { signature: string; highS: boolean } {
  const raw = Buffer.from(signatureB64, 'base64');
  const rLength = raw[3] ?? 0;
  const r = raw.subarray(4, 4 + rLength);
  const s = BigInt(`0x${raw.subarray(6 + rLength).toString('hex')}`);
  const flipped = P256_ORDER - s;
  const body = Buffer.concat([Buffer.from([0x02, r.length]), r, derInteger(flipped)]);
  return {
    signature: Buffer.concat([Buffer.from([0x30, body.length]), body]).toString('base64'),
    highS: flipped > P256_ORDER / 2n,
  };
}

describe('verifySignature', () => {
  it("verifies node:crypto's ECDSA-P256-SHA256 DER signature over the UTF-8 text", () => {
    const meter = newMeter();
    const text = 'meter-1;2025-06-01T12:00:00Z;12.5 kWh;ção';
    const signature = sign('sha256', Buffer.from(text, 'utf8'), meter.privateKey).toString('base64');
    assert.equal(verifySignature(meter.publicPem, text, signature), true);
    assert.equal(
      verifySignature(parsePublicKey(meter.publicPem), Buffer.from(text, 'utf8'), signature),
      true,
    );
    assert.equal(verifySignature(meter.publicPem, 'text', signData(meter.privateKey, 'text')), true);
  });

  it('returns false for tampered data and for another key’s signature', () => {
    const meter = newMeter();
    const other = newMeter();
    const signature = signData(meter.privateKey, 'reading 1');
    assert.equal(verifySignature(meter.publicPem, 'reading 2', signature), false);
    assert.equal(verifySignature(meter.publicPem, 'reading 1 ', signature), false);
    assert.equal(verifySignature(other.publicPem, 'reading 1', signature), false);
  });

  it('takes the DER that decodeSignature checked in place of the base64 text', () => {
    const meter = newMeter();
    const signature = signData(meter.privateKey, 'reading 1');
    const der = decodeSignature(signature);
    assert.equal(verifySignature(meter.publicPem, 'reading 1', der), true);
    assert.equal(verifySignature(meter.publicPem, 'reading 2', der), false);
  });

  it('accepts high-S and low-S forms alike, as OpenSSL does', () => {
    const meter = newMeter();
    const signature = signData(meter.privateKey, 'speed 87 km/h');
    const flipped = flipS(signature);
    const twice = flipS(flipped.signature);
    assert.equal(twice.signature, signature);
    assert.notEqual(flipped.highS, twice.highS);
    assert.equal(verifySignature(meter.publicPem, 'speed 87 km/h', flipped.signature), true);
    assert.equal(verifySignature(meter.publicPem, 'speed 88 km/h', flipped.signature), false);
  });

  it('reports a signature that is not base64 DER as SIGNATURE_MALFORMED', () => {
    const { publicPem, privateKey } = newMeter();
    const good = Buffer.from(signData(privateKey, 'x'), 'base64');
    const der = (...bytes: number[]): string => Buffer.from(bytes).toString('base64');
    const malformed = [
      '',
      'not base64!',
      'AAAA',
      'ME-_',
      `${good.toString('base64')}\n`,
      'MAYCAQECAQE',
      Buffer.from('x'.repeat(80)).toString('base64'),
      Buffer.concat([good, Buffer.from([0])]).toString('base64'),
      good.subarray(0, good.length - 1).toString('base64'),
      der(0x30, 0x06, 0x02, 0x01, 0x01, 0x03, 0x01, 0x01),
      der(0x30, 0x06, 0x02, 0x01, 0x81, 0x02, 0x01, 0x01),
      der(0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x01),
      der(0x30, 0x03, 0x02, 0x01, 0x01),
      der(0x31, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01),
    ];
    for (const bad of malformed) {
      assert.throws(() => verifySignature(publicPem, 'x', bad), withCode('SIGNATURE_MALFORMED'), bad);
    }
  });

  it('keeps well-formed but wrong signatures apart from malformed ones', () => {
    const { publicPem } = newMeter();
    const zeroes = Buffer.from([0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00]).toString('base64');
    assert.equal(verifySignature(publicPem, 'x', zeroes), false);
  });

  it('refuses a key that is not P-256 with KEY_INVALID, before looking at the signature', () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const pem = p384.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const signature = sign('sha256', Buffer.from('x'), p384.privateKey).toString('base64');
    assert.throws(() => verifySignature(pem, 'x', signature), withCode(PkiErrorCode.KEY_INVALID));
  });
});

describe('signData', () => {
  it('signs with a PKCS#8 PEM or a KeyObject', () => {
    const meter = newMeter();
    const pem = meter.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    assert.equal(verifySignature(meter.publicPem, 'ok', signData(pem, 'ok')), true);
  });

  it('refuses keys that are not P-256 private keys with KEY_INVALID', () => {
    const meter = newMeter();
    const ed = generateKeyPairSync('ed25519').privateKey;
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    const publicKey = parsePublicKey(meter.publicPem).keyObject;
    for (const key of [ed, p384, publicKey, 'garbage']) {
      assert.throws(() => signData(key, 'x'), withCode(PkiErrorCode.KEY_INVALID));
    }
  });
});
