import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { formatReceipt } from '@metrochain/contracts';
import type { Browser, Page } from 'playwright-core';
import { toFile } from 'qrcode';
import { AUDIT_URL, launchBrowser, pageErrors, screenshot } from './support/browser';
import { receiptOf } from './support/receipts';
import { Registrars } from './support/registered-meters';

/** T9 (docs/plan-audit.md §8): anyone checks a receipt, as text or QR image, in the public page. */
describe('public receipt page in a browser', () => {
  let browser: Browser;
  let registrars: Registrars;

  before(async () => {
    browser = await launchBrowser();
    registrars = await Registrars.open();
  });
  after(async () => {
    await browser.close();
    registrars.close();
  });

  async function verdictOf(page: Page): Promise<{ genuine: string | null; text: string }> {
    await page.waitForSelector('#verdict[data-genuine="true"], #verdict[data-genuine="false"]');
    return {
      genuine: await page.getAttribute('#verdict', 'data-genuine'),
      text: (await page.textContent('#verdict')) ?? '',
    };
  }

  it('accepts a genuine receipt as text and as a QR image, and names the attesting NMIs', async () => {
    const meter = await registrars.activeMeter('receipt');
    const { receipt } = receiptOf(meter, 7);
    const page = await browser.newPage();
    const errors = pageErrors(page);
    await page.goto(`${AUDIT_URL}/receipt`);
    await page.fill('#receipt-text', receipt);
    await page.click('#check');
    const text = await verdictOf(page);
    assert.equal(text.genuine, 'true', text.text);
    const attested = (await page.textContent('#attested')) ?? '';
    assert.match(attested, /PTBMSP/);
    assert.match(attested, /InmetroMSP/);
    await screenshot(page, 'receipt-genuine-text');

    const png = path.join(mkdtempSync(path.join(tmpdir(), 'receipt-qr-')), 'receipt.png');
    await toFile(png, receipt, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 4 });
    await page.goto(`${AUDIT_URL}/receipt`);
    await page.setInputFiles('#qr-file', png);
    const scanned = await verdictOf(page);
    assert.equal(scanned.genuine, 'true', scanned.text);
    assert.equal(await page.inputValue('#receipt-text'), receipt);
    await screenshot(page, 'receipt-genuine-qr');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('rejects a receipt with one byte changed, and answers malformed ones with a code', async () => {
    const meter = await registrars.activeMeter('receipt');
    const { signedText, signature } = receiptOf(meter, 8);
    const changed = signedText.replace('"seq":8', '"seq":9');
    assert.notEqual(changed, signedText);
    assert.equal(Buffer.byteLength(changed), Buffer.byteLength(signedText));
    const page = await browser.newPage();
    await page.goto(`${AUDIT_URL}/receipt`);
    await page.fill('#receipt-text', formatReceipt(meter.id, changed, signature));
    await page.click('#check');
    const text = await verdictOf(page);
    assert.equal(text.genuine, 'false', text.text);
    await screenshot(page, 'receipt-changed-byte');
    await page.close();

    const check = async (receipt: string): Promise<{ status: number; body: Record<string, unknown> }> => {
      const response = await fetch(`${AUDIT_URL}/api/public/receipts/check`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ receipt }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const forged = await check(formatReceipt(meter.id, changed, signature));
    assert.equal(forged.status, 200);
    assert.equal(forged.body['genuine'], false);
    for (const bad of ['hello', `MC1|${meter.id}|!!!|${signature}`, `MC2|${meter.id}|e30|${signature}`]) {
      const answer = await check(bad);
      assert.equal(answer.status, 422, bad);
      assert.equal(answer.body['code'], 'RECEIPT_MALFORMED', bad);
    }
    const unknownMeter = await fetch(`${AUDIT_URL}/api/public/meters/no-such-meter-${Date.now()}`);
    assert.equal(unknownMeter.status, 404);
  });
});
