/** The receipt format of the platform: `MC1|<meterId>|<base64url(canonical reading JSON)>|<base64 DER signature>`. */
export interface Receipt {
  meterId: string;
  signedText: string;
  signature: string;
  reading: Record<string, unknown>;
}

function base64urlToBytes(text: string): Uint8Array {
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
}

export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

export function parseReceipt(text: string): Receipt | undefined {
  const parts = text.trim().split('|');
  const [prefix, meterId, body, signature] = parts;
  if (parts.length !== 4 || prefix !== 'MC1' || meterId === undefined || body === undefined) {
    return undefined;
  }
  if (
    signature === undefined ||
    !/^[A-Za-z0-9_-]+$/.test(body) ||
    !/^[A-Za-z0-9+/]+={0,2}$/.test(signature)
  ) {
    return undefined;
  }
  try {
    const signedText = new TextDecoder('utf-8', { fatal: true }).decode(base64urlToBytes(body));
    const reading: unknown = JSON.parse(signedText);
    if (typeof reading !== 'object' || reading === null || Array.isArray(reading)) {
      return undefined;
    }
    return { meterId, signedText, signature, reading: reading as Record<string, unknown> };
  } catch {
    return undefined;
  }
}

/** DER `SEQUENCE { INTEGER r, INTEGER s }` → the 64-byte r‖s WebCrypto verifies; undefined if not that shape. */
export function derToP1363(der: Uint8Array): Uint8Array<ArrayBuffer> | undefined {
  const integer = (offset: number): { value: Uint8Array; next: number } | undefined => {
    const length = der[offset + 1];
    if (der[offset] !== 0x02 || length === undefined || length > 33) {
      return undefined;
    }
    let value = der.slice(offset + 2, offset + 2 + length);
    while (value.length > 32 && value[0] === 0) {
      value = value.slice(1);
    }
    return value.length > 32 ? undefined : { value, next: offset + 2 + length };
  };
  if (der[0] !== 0x30 || der[1] !== der.length - 2) {
    return undefined;
  }
  const r = integer(2);
  const s = r === undefined ? undefined : integer(r.next);
  if (r === undefined || s === undefined || s.next !== der.length) {
    return undefined;
  }
  const out = new Uint8Array(64);
  out.set(r.value, 32 - r.value.length);
  out.set(s.value, 64 - s.value.length);
  return out;
}

export function spkiOfPem(pem: string): Uint8Array<ArrayBuffer> {
  return base64ToBytes(pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, ''));
}

/** ECDSA P-256 SHA-256 over the signed text with the given key, in the browser. */
export async function verifyInBrowser(
  publicKeyPem: string,
  signedText: string,
  signature: string,
): Promise<boolean> {
  const raw = derToP1363(base64ToBytes(signature));
  if (raw === undefined) {
    return false;
  }
  const key = await crypto.subtle.importKey(
    'spki',
    spkiOfPem(publicKeyPem),
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['verify'],
  );
  return crypto.subtle.verify(
    { name: 'ECDSA', hash: 'SHA-256' },
    key,
    raw,
    new TextEncoder().encode(signedText),
  );
}

export interface KeyPeriod {
  publicKeyPem: string;
  validFrom: string;
  validTo?: string | undefined;
}

/** The key the meter held at `measuredAt` (keys are valid in [validFrom, validTo)). */
export function keyAt(keys: readonly KeyPeriod[], measuredAt: string): KeyPeriod | undefined {
  const at = Date.parse(measuredAt);
  return keys.find(
    (key) => Date.parse(key.validFrom) <= at && (key.validTo === undefined || at < Date.parse(key.validTo)),
  );
}
