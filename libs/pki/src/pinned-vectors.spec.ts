import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keyFingerprint, parsePublicKey } from './public-key';
import { signData, verifySignature } from './signature';

// Generated once with the OpenSSL 3.0 command line, which produces the same DER/base64 as the authors' Python
// clients: `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256`, the fingerprint with
// `openssl pkey -pubin -outform DER | sha256sum`, the signatures with `printf '%s' TEXT | openssl dgst -sha256 -sign`.
// A test-only key: it signs nothing outside this file.
const FIXED_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgQxaNVzK7Tp9EN/8X
UeYjmE3bHvXwabPhJt2agDYP3dKhRANCAAQ177L2yWZivpoZlcgJqwauObzFhEEX
2fZ4G6/zY8YFJuLvZvPyHaIb4rgka9/W4MAQNW70BA2NDPBVtA60lqYO
-----END PRIVATE KEY-----
`;
const FIXED_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAENe+y9slmYr6aGZXICasGrjm8xYRB
F9n2eBuv82PGBSbi72bz8h2iG+K4JGvf1uDAEDVu9AQNjQzwVbQOtJamDg==
-----END PUBLIC KEY-----
`;
const FIXED_FINGERPRINT = '92c49b56e8e22946a1010b9889c4a1104f90ca330b2e474fdcf669f43c03b436';
const SIGNED_ASCII = {
  text: 'metrochain',
  signature:
    'MEQCICiztDMd1lbJnd6iJovhpMaVI13RWMku9ioZpW3xHSRuAiAHCvAAPalwPu9TEHKH8hNrrRX9D6wblneAKgJG092L9Q==',
};
const SIGNED_UTF8 = {
  text: 'Zähler 7 · 12,5 kWh',
  signature:
    'MEQCIEDAkBBmPo07uj4GRSASZmLa0fR90zTIij3wtUWyeAfOAiA3mjqpa0usUUXxHSNtd37XVku2U0RqCtYLjGSSmDEmdA==',
};

describe('pinned P-256 vector', () => {
  it('fingerprints the fixed key as OpenSSL does', () => {
    assert.equal(keyFingerprint(FIXED_PUBLIC_KEY), FIXED_FINGERPRINT);
    assert.equal(parsePublicKey(FIXED_PUBLIC_KEY).spkiDer.length, 91);
  });

  it('verifies the signatures OpenSSL made, over ASCII and over UTF-8 text', () => {
    for (const { text, signature } of [SIGNED_ASCII, SIGNED_UTF8]) {
      assert.equal(verifySignature(FIXED_PUBLIC_KEY, text, signature), true, text);
    }
    // The UTF-8 bytes of the text as given are signed: no Unicode normalisation on the way.
    assert.equal(
      verifySignature(FIXED_PUBLIC_KEY, SIGNED_UTF8.text.normalize('NFD'), SIGNED_UTF8.signature),
      false,
    );
    assert.equal(verifySignature(FIXED_PUBLIC_KEY, SIGNED_UTF8.text, SIGNED_ASCII.signature), false);
  });

  it('signs with the fixed private key so that the fixed public key verifies', () => {
    const signature = signData(FIXED_PRIVATE_KEY, SIGNED_ASCII.text);
    assert.equal(Buffer.from(signature, 'base64')[0], 0x30);
    assert.equal(verifySignature(FIXED_PUBLIC_KEY, SIGNED_ASCII.text, signature), true);
  });
});
