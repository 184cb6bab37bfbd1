import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { before, describe, it } from 'node:test';
import { TEST_MODEL, approveModel } from './support/registration-api';

const CLI = path.resolve(__dirname, '..', '..', '..', 'tools', 'pki-cli', 'dist', 'main.js');
const PTB_REGISTRATION = 'http://127.0.0.1:3001';
const ANCHOR_WAIT_SECONDS = '60';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI as a shell runs it; service URLs come from its own defaults and .devnet/network.json. */
async function pki(...args: string[]): Promise<Run> {
  const env = { ...process.env };
  delete env['METROCHAIN_REGISTRATION_URL'];
  delete env['METROCHAIN_VERIFICATION_URL'];
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const [stdout, stderr, code] = await Promise.all([
    text(child.stdout),
    text(child.stderr),
    new Promise<number | null>((resolve) => child.on('close', resolve)),
  ]);
  return { code, stdout, stderr };
}

/** Runs the CLI, expects `code`, and returns stdout as JSON. */
async function pkiJson(code: number, ...args: string[]): Promise<Record<string, unknown>> {
  const run = await pki(...args);
  assert.equal(run.code, code, `metrochain-pki ${args.join(' ')}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

describe('metrochain-pki against the running services', () => {
  const meterId = `cli-meter-${randomUUID()}`;
  const data = `energy 1234.5 Wh by ${meterId}`;
  let key = '';
  let pub = '';
  let active = false;

  before(async () => {
    await approveModel(TEST_MODEL);
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'pki-cli-it-')), 'meter/');
    const generated = await pkiJson(0, 'keygen', '--out', out);
    key = String(generated['privateKeyFile']);
    pub = String(generated['publicKeyFile']);
    assert.match(String(generated['fingerprint']), /^[0-9a-f]{64}$/);
  });

  it("registers a new meter through PTB's registration instance: pending, attested by PTB", async () => {
    const args = ['--meter', meterId, '--model', 'LOOP-2', '--key', key, '--pub', pub];
    const pending = await pkiJson(0, 'register', '--registration', PTB_REGISTRATION, ...args);
    assert.deepEqual([pending['status'], pending['attestedBy']], ['pending', ['PTBMSP']]);
    assert.equal(typeof pending['transactionId'], 'string');

    const status = await pkiJson(0, 'status', '--meter', meterId);
    assert.deepEqual(
      [status['meterId'], status['status'], status['attestedBy']],
      [meterId, 'pending', ['PTBMSP']],
    );

    const again = await pki('register', '--registration', PTB_REGISTRATION, ...args);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /^ALREADY_ATTESTED: /);
  });

  it("activates the meter through Inmetro's registration instance listed in network.json", async (t) => {
    const endpoints = await pki('endpoints', '--service', 'registration', '--org', 'Inmetro');
    if (endpoints.code === 1 && endpoints.stderr.startsWith('ENDPOINT_UNKNOWN')) {
      t.skip(
        '.devnet/network.json lists no registration instance of Inmetro yet (devnet: one per NMI on :3011)',
      );
      return;
    }
    assert.equal(endpoints.code, 0, endpoints.stderr);
    assert.deepEqual(
      (JSON.parse(endpoints.stdout) as { registration: { org: string } }).registration.org,
      'Inmetro',
    );
    const activated = await pkiJson(
      0,
      'register',
      '--org',
      'Inmetro',
      '--meter',
      meterId,
      '--model',
      'LOOP-2',
      '--key',
      key,
    );
    assert.equal(activated['status'], 'active');
    assert.deepEqual([...(activated['attestedBy'] as string[])].sort(), ['InmetroMSP', 'PTBMSP']);
    active = true;
  });

  it('verifies what the meter signed through the verification service and proves the log record', async (t) => {
    const { signature } = await pkiJson(0, 'sign', '--key', key, '--data', data);
    const args = ['verify', '--meter', meterId, '--signature', String(signature)];
    const verified = await pki(...args, '--data', data);
    if (verified.code === 1 && verified.stderr.startsWith('ENDPOINT_NOT_FOUND')) {
      t.skip('the verification service has no POST /verifications yet');
      return;
    }
    // A meter only PTB attested is pending: the service answers invalid (exit 3), and logs that too.
    assert.equal(verified.code, active ? 0 : 3, verified.stderr);
    const verdict = JSON.parse(verified.stdout) as Record<string, unknown>;
    assert.equal(verdict['valid'], active);
    assert.equal(verdict['meterStatus'], active ? 'active' : 'pending');
    if (active) {
      const tampered = await pkiJson(3, ...args, '--data', `${data}0`);
      assert.equal(tampered['reason'], 'SIGNATURE_INVALID');
    } else {
      assert.equal(verdict['reason'], 'METER_NOT_ACTIVE');
    }

    const report = await pkiJson(
      0,
      'proof',
      '--id',
      String(verdict['verificationId']),
      '--wait',
      ANCHOR_WAIT_SECONDS,
    );
    assert.deepEqual([report['leafHashMatches'], report['proofVerified']], [true, true]);
    assert.equal((report['record'] as Record<string, unknown>)['verificationId'], verdict['verificationId']);
  });

  it("rotates the meter's key with both keys signing, then revokes the meter, through PTB", async (t) => {
    const next = await pkiJson(0, 'keygen', '--out', `${key.replace(/\.key\.pem$/, '')}-next`);
    const rotated = await pki(
      'rotate',
      '--meter',
      meterId,
      '--key',
      key,
      '--new-key',
      String(next['privateKeyFile']),
    );
    if (rotated.code === 1 && rotated.stderr.startsWith('ENDPOINT_NOT_FOUND')) {
      t.skip('the registration service has no rotation endpoint yet');
      return;
    }
    if (active) {
      assert.equal(rotated.code, 0, rotated.stderr);
      const view = JSON.parse(rotated.stdout) as Record<string, unknown>;
      assert.deepEqual([view['status'], view['keyFingerprint']], ['active', next['fingerprint']]);
      assert.equal((view['keyHistory'] as unknown[]).length, 2);
    } else {
      assert.deepEqual([rotated.code, rotated.stderr.split(':')[0]], [1, 'METER_NOT_ACTIVE']);
    }

    const revoked = await pkiJson(0, 'revoke', '--meter', meterId, '--reason', 'seal broken at inspection');
    assert.equal(revoked['status'], 'revoked');
    assert.equal((revoked['revocation'] as Record<string, unknown>)['by'], 'PTBMSP');
    assert.equal((await pkiJson(0, 'status', '--meter', meterId))['status'], 'revoked');
  });
});
