import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { REPO_ROOT } from '@metrochain/devnet';

const CLI = path.join(REPO_ROOT, 'tools', 'customer-cli', 'dist', 'main.js');

/** Writes a meter's seed where only the customer reads it, as `metrochain-customer seed` does. */
export function seedFile(seed: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'it-customer-')), 'meter.seed');
  writeFileSync(file, `${Buffer.from(seed).toString('base64')}\n`, { mode: 0o600 });
  return file;
}

/**
 * `metrochain-customer` as a customer's shell runs it: the billing service and the customer's token from
 * .devnet/network.json (`--customer`); expects exit code 0 and returns stdout as JSON.
 */
export async function customerCli(customer: string, ...args: string[]): Promise<Record<string, unknown>> {
  const env = { ...process.env };
  delete env['METROCHAIN_TOKEN'];
  delete env['METROCHAIN_BILLING_URL'];
  const child = spawn(process.execPath, [CLI, ...args, '--customer', customer], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [stdout, stderr, code] = await Promise.all([
    text(child.stdout),
    text(child.stderr),
    new Promise<number | null>((resolve) => child.on('close', resolve)),
  ]);
  assert.equal(code, 0, `metrochain-customer ${args.join(' ')}: ${stderr}`);
  return JSON.parse(stdout) as Record<string, unknown>;
}
