import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import type { Browser } from 'playwright-core';
import { AUDIT_URL, launchBrowser, logIn, screenshot } from './support/browser';

const REPO = path.resolve(__dirname, '..', '..', '..');
const LOADS = 20;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** T10 (docs/plan-audit.md §8): dashboard page loads while the simulated fleet sends readings (figures printed). */
describe('dashboard page load under fleet traffic', () => {
  let browser: Browser;
  let fleet: ChildProcess;
  let fleetOutput = '';

  before(async () => {
    browser = await launchBrowser();
    fleet = spawn(
      process.execPath,
      [
        path.join(REPO, 'tools', 'fleet', 'dist', 'main.js'),
        'run',
        '--speed-meters',
        '2',
        '--energy-meters',
        '8',
        '--rate',
        '10',
        '--duration-s',
        '240',
        '--state-dir',
        mkdtempSync(path.join(tmpdir(), 'metrochain-fleet-dash-')),
      ],
      { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    fleet.stdout?.on('data', (chunk: Buffer) => (fleetOutput += chunk.toString()));
    fleet.stderr?.on('data', (chunk: Buffer) => (fleetOutput += chunk.toString()));
  });
  after(async () => {
    fleet.kill('SIGINT');
    await browser.close();
  });

  it(`loads the dashboard ${LOADS} times while readings flow and reports p50/p95`, async () => {
    // Registration of the fleet's meters takes a few seconds; measure once readings are being posted.
    const deadline = Date.now() + 90_000;
    while (!/sent [1-9]\d* readings/.test(fleetOutput) && Date.now() < deadline && fleet.exitCode === null) {
      await delay(500);
    }
    assert.equal(fleet.exitCode, null, `the fleet stopped early:\n${fleetOutput}`);
    const page = await browser.newPage();
    await logIn(page);
    const loads: number[] = [];
    const ready: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      await page.goto(`${AUDIT_URL}/dashboard`, { waitUntil: 'load' });
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
      const timing = await page.evaluate<{ load: number; ready: number }>(`({
        load: performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? NaN,
        ready: Number(document.body.dataset.readyMs),
      })`);
      loads.push(timing.load);
      ready.push(timing.ready);
    }
    await screenshot(page, 'overview-under-load');
    await page.close();
    assert.equal(fleet.exitCode, null, `the fleet stopped during the loads:\n${fleetOutput}`);
    const sortedLoads = [...loads].sort((a, b) => a - b);
    const sortedReady = [...ready].sort((a, b) => a - b);
    const figures = {
      loads: LOADS,
      loadEventEndMs: {
        p50: percentile(sortedLoads, 50),
        p95: percentile(sortedLoads, 95),
        max: sortedLoads.at(-1),
      },
      dataReadyMs: {
        p50: percentile(sortedReady, 50),
        p95: percentile(sortedReady, 95),
        max: sortedReady.at(-1),
      },
    };
    console.log(`dashboard page load under fleet traffic: ${JSON.stringify(figures)}`);
    console.log(`fleet output (last lines):\n${fleetOutput.split('\n').slice(-5).join('\n')}`);
    assert.ok(loads.every((value) => Number.isFinite(value) && value > 0));
  });
});
