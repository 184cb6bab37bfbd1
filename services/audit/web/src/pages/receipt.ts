import '../styles.css';
import jsQR from 'jsqr';
import { type ApiAnswer, errorText, getJson, postJson } from '../lib/api';
import { byId, h, replace } from '../lib/dom';
import { type KeyPeriod, type Receipt, keyAt, parseReceipt, verifyInBrowser } from '../lib/receipt';

interface PublicMeter {
  meterId: string;
  status: string;
  publicKeyPem: string;
  keyHistory: KeyPeriod[];
  attestedBy: string[];
}

interface ReceiptCheck {
  genuine: boolean;
  measuredAt: string;
  check: { valid: boolean; status: string; attestedBy: string[] };
}

const verdict = byId('verdict');

function show(genuine: boolean, lines: string[]): void {
  verdict.dataset['genuine'] = String(genuine);
  verdict.className = genuine ? 'verdict ok' : 'verdict bad';
  replace(
    verdict,
    h('strong', {}, genuine ? 'Genuine' : 'Not genuine'),
    ...lines.map((line) => h('p', {}, line)),
  );
}

/** The page's own check: the meter's key valid at the measurement time verifies the signature (WebCrypto). */
async function checkHere(
  meter: ApiAnswer<PublicMeter>,
  receipt: Receipt,
  measuredAt: string,
): Promise<boolean> {
  if (!meter.ok) {
    return false;
  }
  const key = keyAt(meter.body.keyHistory, measuredAt) ?? meter.body;
  return verifyInBrowser(key.publicKeyPem, receipt.signedText, receipt.signature).catch(() => false);
}

function registryLine(registry: ApiAnswer<ReceiptCheck>): string {
  if (!registry.ok) {
    return errorText(registry);
  }
  return `${registry.body.check.valid ? 'valid' : 'INVALID'} (meter ${registry.body.check.status})`;
}

/** Genuine only if both agree: the page's own signature check and the registry's at measurement time. */
async function check(text: string): Promise<void> {
  verdict.dataset['genuine'] = '';
  replace(verdict, 'checking…');
  const receipt = parseReceipt(text);
  if (receipt === undefined) {
    show(false, ['This is not a metrochain receipt (MC1|meter|reading|signature).']);
    return;
  }
  const measuredAt = textOf(receipt.reading['measuredAt']);
  const [meter, registry] = await Promise.all([
    getJson<PublicMeter>(`/api/public/meters/${encodeURIComponent(receipt.meterId)}`),
    postJson<ReceiptCheck>('/api/public/receipts/check', { receipt: text.trim() }),
  ]);
  const local = await checkHere(meter, receipt, measuredAt);
  const authoritative = registry.ok && registry.body.genuine;
  const attested = registry.ok ? registry.body.check.attestedBy : meter.ok ? meter.body.attestedBy : [];
  show(local && authoritative, [
    `Meter ${receipt.meterId}, measured ${measuredAt}, reading ${textOf(receipt.reading['seq']) || '?'}.`,
    `Signature checked in this browser: ${local ? 'valid' : 'INVALID'}${meter.ok ? '' : ` (${errorText(meter)})`}.`,
    `Registry check at measurement time: ${registryLine(registry)}.`,
  ]);
  verdict.append(
    h('p', { id: 'attested', 'data-testid': 'attested' }, `Attested by: ${attested.join(', ') || 'nobody'}`),
  );
}

function textOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

byId<HTMLFormElement>('receipt-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void check(byId<HTMLTextAreaElement>('receipt-text').value);
});

/** A QR image decoded in the page (jsQR on the pixels of a canvas): nothing is uploaded anywhere. */
byId<HTMLInputElement>('qr-file').addEventListener('change', (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (file === undefined) {
    return;
  }
  const url = URL.createObjectURL(file);
  const image = new Image();
  image.onload = (): void => {
    const canvas = h('canvas', {});
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    context?.drawImage(image, 0, 0);
    const pixels = context?.getImageData(0, 0, canvas.width, canvas.height);
    URL.revokeObjectURL(url);
    const code = pixels === undefined ? null : jsQR(pixels.data, pixels.width, pixels.height);
    if (code === null) {
      show(false, ['No QR code found in the image.']);
      return;
    }
    byId<HTMLTextAreaElement>('receipt-text').value = code.data;
    void check(code.data);
  };
  image.src = url;
});
