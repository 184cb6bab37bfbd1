import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { decodeProcessedTransaction } from '@metrochain/ledger';
import type { Browser } from 'playwright-core';
import { AUDIT_URL, launchBrowser, logIn, pageErrors, screenshot } from './support/browser';
import { LedgerReads } from './support/ledger-reads';
import { type Session, networkProfile, openSession } from './support/network';
import { eventually } from './support/eventually';
import { bearer, tokenOf } from './support/principals';
import { anchoredVerification, receiptOf } from './support/receipts';
import { Registrars } from './support/registered-meters';

interface Counters {
  indexed: number;
  blocks: number;
  txs: number;
  valid: number;
  invalid: number;
}

/** T8 (docs/plan-audit.md §8): the auditors' dashboard in Debian's Chromium against the real network. */
describe('auditors dashboard in a browser', () => {
  let browser: Browser;
  let session: Session;
  let ledger: LedgerReads;
  let registrars: Registrars;

  before(async () => {
    browser = await launchBrowser();
    session = await openSession('Inmetro', 'audit');
    ledger = new LedgerReads(session.connection.network);
    registrars = await Registrars.open();
  });
  after(async () => {
    await browser.close();
    session.close();
    registrars.close();
  });

  it('keeps anonymous visitors out: auditor pages redirect to /login, /api answers 401 with a code', async () => {
    const page = await fetch(`${AUDIT_URL}/dashboard`, { redirect: 'manual' });
    assert.equal(page.status, 302);
    assert.equal(page.headers.get('location'), '/login');
    for (const path of ['/api/explorer/summary', '/api/explorer/blocks', '/api/stream', '/api/proofs/x']) {
      const api = await fetch(`${AUDIT_URL}${path}`);
      assert.equal(api.status, 401, path);
      assert.equal(((await api.json()) as { code: string }).code, 'UNAUTHENTICATED', path);
    }
    const forged = await fetch(`${AUDIT_URL}/api/explorer/summary`, {
      headers: { cookie: 'mc_session=abc.def.ghi' },
    });
    assert.equal(forged.status, 401);
    // An operator token opens no dashboard session.
    const operator = await fetch(`${AUDIT_URL}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: tokenOf('operator-ptb') }),
    });
    assert.equal(operator.status, 403);

    const anonymous = await browser.newPage();
    await anonymous.goto(`${AUDIT_URL}/dashboard`);
    assert.equal(new URL(anonymous.url()).pathname, '/login');
    await screenshot(anonymous, 'anonymous-redirected-to-login');
    await anonymous.close();
  });

  it('uses the session cookie: HttpOnly, SameSite=Strict, and unsafe methods need the CSRF header', async () => {
    const opened = await fetch(`${AUDIT_URL}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: tokenOf('auditor-ptb') }),
    });
    assert.equal(opened.status, 200);
    const cookie = opened.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^mc_session=[^;]+; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+/);
    const jar = cookie.split(';')[0] ?? '';
    assert.equal(
      (await fetch(`${AUDIT_URL}/api/explorer/summary`, { headers: { cookie: jar } })).status,
      200,
    );
    const withoutCsrf = await fetch(`${AUDIT_URL}/api/software-approvals`, {
      method: 'POST',
      headers: { cookie: jar, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(withoutCsrf.status, 403);
    assert.equal(((await withoutCsrf.json()) as { code: string }).code, 'CSRF_REQUIRED');
  });

  it('shows counters, the latest blocks and a transaction as the ledger has them, and verifies a proof', async () => {
    const meter = await registrars.activeMeter('dash');
    const { signedText, signature } = receiptOf(meter, 1);
    const { verificationId, anchorTxId } = await anchoredVerification(meter.id, signedText, signature);

    const page = await browser.newPage();
    const errors = pageErrors(page);
    await logIn(page);
    // Counters: wait until the explorer indexed up to the height, then count those blocks ourselves.
    await page.waitForFunction(
      "document.getElementById('counters')?.dataset.indexedHeight === document.getElementById('count-height')?.textContent",
      undefined,
      { timeout: 60_000, polling: 500 },
    );
    const shown = await page.evaluate<Counters>(`({
      indexed: Number(document.getElementById('counters').dataset.indexedHeight),
      blocks: Number(document.getElementById('count-blocks').textContent),
      txs: Number(document.getElementById('count-txs').textContent),
      valid: Number(document.getElementById('count-valid').textContent),
      invalid: Number(document.getElementById('count-invalid').textContent),
    })`);
    assert.ok(shown.indexed > 0 && shown.indexed <= (await ledger.height()));
    const counted = await ledger.counts(shown.indexed);
    assert.deepEqual(shown, {
      indexed: shown.indexed,
      blocks: shown.indexed,
      txs: counted.transactions,
      valid: counted.valid,
      invalid: counted.transactions - counted.valid,
    });

    const rowLocator = page.locator('#latest-blocks tbody tr');
    const rows: { block: number; txs: number }[] = [];
    for (let i = 0; i < (await rowLocator.count()); i++) {
      const row = rowLocator.nth(i);
      rows.push({
        block: Number(await row.getAttribute('data-block')),
        txs: Number(await row.getAttribute('data-txs')),
      });
    }
    // Ten rows, or every block of a young chain (live blocks may have been added since the counters were read).
    assert.ok(rows.length >= Math.min(10, shown.indexed) && rows.length <= 10, `${rows.length} rows`);
    for (const [i, row] of rows.entries()) {
      if (i > 0) {
        assert.equal(row.block, (rows[i - 1]?.block ?? 0) - 1, 'consecutive, newest first');
      }
      assert.equal(row.txs, (await ledger.block(row.block)).transactions.length, `block ${row.block}`);
    }
    await screenshot(page, 'overview');

    await page.goto(`${AUDIT_URL}/dashboard#tx/${anchorTxId}`);
    await page.waitForSelector(`#tx-detail[data-txid="${anchorTxId}"]`);
    const processed = decodeProcessedTransaction(await ledger.processed(anchorTxId));
    const field = (name: string): Promise<string | null> =>
      page.textContent(`#tx-detail [data-testid="${name}"]`);
    const detail = {
      validation: await field('tx-validation'),
      endorsers: await field('tx-endorsers'),
      function: await field('tx-function'),
    };
    assert.equal(detail.validation, processed.validationCode);
    assert.equal(detail.endorsers, processed.endorsers.join(', '));
    assert.match(detail.function ?? '', /anchorVerificationBatch/);
    await screenshot(page, 'transaction');

    await page.goto(`${AUDIT_URL}/dashboard#proof/${verificationId}`);
    await page.waitForSelector('#proof-result[data-verified="true"], #proof-result[data-verified="false"]');
    assert.equal(
      await page.getAttribute('#proof-result', 'data-verified'),
      'true',
      (await page.textContent('#proof-result')) ?? '',
    );
    await screenshot(page, 'proof-verified');

    // The verification stream, relayed by the audit service: a new verification shows up in the page.
    await page.goto(`${AUDIT_URL}/dashboard#verifications`);
    await delay(1500);
    const next = receiptOf(meter, 2);
    const live = await eventually(
      'the relayed verification',
      async () => {
        const posted = await anchoredVerification(meter.id, next.signedText, next.signature, false);
        const row = page.locator(`li[data-verification="${posted.verificationId}"]`);
        return (await row.count()) > 0 ||
          (await row.waitFor({ timeout: 5000 }).then(
            () => true,
            () => false,
          ))
          ? posted.verificationId
          : undefined;
      },
      30_000,
    );
    assert.match(live, /\.\d+$/);
    await screenshot(page, 'verifications');

    await page.goto(`${AUDIT_URL}/dashboard#meters`);
    await page.fill('#meter-input', meter.id);
    await page.click('#meter-form button');
    await page.waitForSelector('[data-testid="meter-status"]');
    assert.equal(await page.textContent('[data-testid="meter-status"]'), 'active');
    await screenshot(page, 'meter');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("shows the audit service's other views with their data: peers, comparison, Raft, re-executions, surveillance, traces, findings, approvals", async () => {
    const page = await browser.newPage();
    const errors = pageErrors(page);
    await logIn(page);
    const views = [
      'peers',
      'comparison',
      'raft',
      'reexecutions',
      'surveillance',
      'traces',
      'findings',
      'approvals',
    ];
    for (const view of views) {
      await page.goto(`${AUDIT_URL}/dashboard#${view}`);
      await page.waitForSelector(`[data-testid="${view}-view"]`, { timeout: 15_000 });
      assert.equal(await page.$(`[data-testid="${view}-unavailable"]`), null, `${view} is served`);
      await screenshot(page, `view-${view}`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('answers the explorer API to bearer callers too, with coded errors for bad input', async () => {
    const auth = bearer(tokenOf('auditor-ptb'));
    const search = await fetch(`${AUDIT_URL}/api/explorer/search?q=nonsense`, { headers: auth });
    assert.equal(search.status, 404);
    assert.equal(((await search.json()) as { code: string }).code, 'SEARCH_NOT_FOUND');
    const unknown = await fetch(`${AUDIT_URL}/api/explorer/transactions/${'0'.repeat(64)}`, {
      headers: auth,
    });
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { code: string }).code, 'TRANSACTION_UNKNOWN');
    const chaincodes = (await (
      await fetch(`${AUDIT_URL}/api/explorer/chaincodes`, { headers: auth })
    ).json()) as { name: string }[];
    assert.ok(chaincodes.some((definition) => definition.name === networkProfile().chaincode));
  });
});
