import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { tokenOf } from './principals';

/** The audit service: dashboard, login and receipt pages. */
export const AUDIT_URL = 'http://127.0.0.1:3005';
/** Debian's Chromium (installed by scripts/test.sh with apt); never a downloaded browser. */
export const CHROMIUM = process.env['METROCHAIN_CHROMIUM'] ?? '/usr/bin/chromium';
/** Screenshots, kept as test artifacts. */
export const SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', '..', 'test-results', 'dashboard');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Logs in through the login page with an NMI-issued auditor token, as an auditor would. */
export async function logIn(page: Page, principal = 'auditor-ptb'): Promise<void> {
  await page.goto(`${AUDIT_URL}/login`);
  await page.fill('#token', tokenOf(principal));
  await Promise.all([page.waitForURL(`${AUDIT_URL}/dashboard`), page.click('#login')]);
  await page.waitForSelector('body[data-ready="true"]');
}

/** Collects the page's console errors and CSP violations (a strict CSP must not break the page). */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
