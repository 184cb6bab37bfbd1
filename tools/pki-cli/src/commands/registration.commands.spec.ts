import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MeterView } from '@metrochain/contracts';
import { attestationStatement, newNonce } from '@metrochain/pki';
import { fakeRegistration } from '@metrochain/tool-kit/testing';
import { FakeService } from '@metrochain/tool-kit/testing';
import { cli } from '../testing/run-cli';

interface Keys {
  key: string;
  pub: string;
}

describe('registration commands against a local registration API', () => {
  let dir: string;
  let ptb: FakeService;
  let inmetro: FakeService;
  let env: Record<string, string>;
  const meters = new Map<string, MeterView>();

  async function keys(name: string): Promise<Keys> {
    const out = (await cli(['keygen', '--out', path.join(dir, name)])).json();
    return { key: String(out['privateKeyFile']), pub: String(out['publicKeyFile']) };
  }

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pki-cli-registration-'));
    ptb = await fakeRegistration({ msp: 'PTBMSP', meters });
    inmetro = await fakeRegistration({ msp: 'InmetroMSP', meters });
    const networkFile = path.join(dir, 'network.json');
    writeFileSync(
      networkFile,
      JSON.stringify({
        services: {
          registration: [
            { process: 'service-registration-ptb', org: 'PTB', mspId: 'PTBMSP', url: ptb.url },
            {
              process: 'service-registration-inmetro',
              org: 'Inmetro',
              mspId: 'InmetroMSP',
              url: inmetro.url,
            },
          ],
        },
      }),
    );
    env = { METROCHAIN_NETWORK_FILE: networkFile };
  });
  after(async () => {
    await Promise.all([ptb.close(), inmetro.close()]);
  });

  it('registers with one NMI (pending), then another (active), each through the network file', async () => {
    const meter = await keys('m1');
    const args = ['--meter', 'm-1', '--model', 'EM-340 Rev.2', '--key', meter.key, '--pub', meter.pub];
    const first = await cli(['register', ...args], { env });
    assert.equal(first.code, 0, first.stderr);
    const pending = first.json();
    assert.deepEqual(
      [pending['meterId'], pending['status'], pending['attestedBy'], pending['blockNumber']],
      ['m-1', 'pending', ['PTBMSP'], '7'],
    );
    assert.deepEqual(Object.keys(pending).slice(0, 4), ['meterId', 'model', 'status', 'attestedBy']);
    const [challengeRequest, answer] = ptb.requests;
    assert.deepEqual(challengeRequest?.body, {
      meterId: 'm-1',
      model: 'EM-340 Rev.2',
      publicKeyPem: pending['publicKeyPem'],
    });
    assert.match(answer?.path ?? '', /^\/meters\/registrations\/[A-Za-z0-9_-]{43}\/response$/);

    const second = await cli(['register', ...args, '--org', 'Inmetro'], { env });
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual(
      [second.json()['status'], second.json()['attestedBy']],
      ['active', ['PTBMSP', 'InmetroMSP']],
    );

    const status = await cli(['status', '--meter', 'm-1'], { env });
    assert.deepEqual([status.code, status.json()['status']], [0, 'active']);
    assert.equal(ptb.requests.at(-1)?.path, '/meters/m-1');
  });

  it('splits registration between the NMI (challenge) and the meter (answer), by key or by signature', async () => {
    const challenge = async (meterId: string, pub: string): Promise<Record<string, unknown>> => {
      const run = await cli(['challenge', '--meter', meterId, '--model', 'LOOP-2', '--pub', pub], { env });
      assert.equal(run.code, 0, run.stderr);
      return run.json();
    };
    const meter = await keys('m2');
    const issued = await challenge('m-2', meter.pub);
    assert.deepEqual(Object.keys(issued), ['challengeId', 'registrationId', 'statement', 'expiresAt']);
    // Saved as `jq -r .statement` saves it, with a newline the meter must not sign.
    const statementFile = path.join(dir, 'statement.txt');
    writeFileSync(statementFile, `${String(issued['statement'])}\n`);
    const id = String(issued['registrationId']);
    const byKey = await cli(
      ['answer', '--registration-id', id, '--key', meter.key, '--statement', `@${statementFile}`],
      {
        env,
      },
    );
    assert.equal(byKey.code, 0, byKey.stderr);
    assert.deepEqual([byKey.json()['meterId'], byKey.json()['status']], ['m-2', 'pending']);

    const other = await keys('m2b');
    const otherIssued = await challenge('m-2b', other.pub);
    const signed = await cli(['sign', '--key', other.key, '--data', String(otherIssued['statement'])]);
    const otherId = String(otherIssued['challengeId']);
    const signature = String(signed.json()['signature']);
    const bySignature = await cli(['answer', '--registration-id', otherId, '--signature', signature], {
      env,
    });
    assert.equal(bySignature.code, 0, bySignature.stderr);
    assert.deepEqual([bySignature.json()['meterId'], bySignature.json()['attestedBy']], ['m-2b', ['PTBMSP']]);
  });

  it('passes the service’s coded refusals through as CODE: message with exit 1', async () => {
    const meter = await keys('m3');
    const replay = await cli(
      ['answer', '--registration-id', newNonce(), '--key', meter.key, '--statement', 'x'],
      { env },
    );
    assert.equal(replay.code, 1);
    assert.match(replay.stderr, /^STATEMENT_UNEXPECTED: refusing to sign: the statement is not JSON/);
    const signature = (await cli(['sign', '--key', meter.key, '--data', 'x'])).json()['signature'];
    const unknown = await cli(['answer', '--registration-id', newNonce(), '--signature', String(signature)], {
      env,
    });
    assert.deepEqual([unknown.code, unknown.stderr], [1, 'CHALLENGE_UNKNOWN: unknown, expired or used\n']);
    const noMeter = await cli(['status', '--meter', 'never-registered'], { env });
    assert.deepEqual([noMeter.code, noMeter.stderr], [1, 'METER_UNKNOWN: no meter never-registered\n']);
  });

  it('revokes with reason and effective time, and rotates with both keys signing the statement', async () => {
    const meter = await keys('m4');
    const next = await keys('m4-next');
    for (const org of ['PTB', 'Inmetro']) {
      const run = await cli(
        ['register', '--meter', 'm-4', '--model', 'LOOP-2', '--key', meter.key, '--org', org],
        { env },
      );
      assert.equal(run.code, 0, run.stderr);
    }
    const rotated = await cli(['rotate', '--meter', 'm-4', '--key', meter.key, '--new-key', next.key], {
      env,
    });
    assert.equal(rotated.code, 0, rotated.stderr);
    const newFingerprint = (await cli(['fingerprint', '--pub', next.pub])).json()['fingerprint'];
    assert.deepEqual(
      [rotated.json()['status'], rotated.json()['keyFingerprint']],
      ['active', newFingerprint],
    );
    const [issue, answer] = ptb.requests.slice(-2);
    assert.deepEqual(Object.keys(issue?.body as object), ['newPublicKeyPem']);
    assert.deepEqual(Object.keys(answer?.body as object), ['oldKeySignature', 'newKeySignature']);

    const effectiveAt = '2026-01-05T09:00:00.000+01:00';
    const args = ['revoke', '--meter', 'm-4', '--reason', 'seal broken', '--effective-at', effectiveAt];
    const revoked = await cli(args, { env });
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.deepEqual(ptb.requests.at(-1), {
      method: 'POST',
      path: '/meters/m-4/revocation',
      body: { reason: 'seal broken', effectiveAt },
    });
    assert.equal(revoked.json()['status'], 'revoked');
    const badTime = await cli(['revoke', '--meter', 'm-4', '--reason', 'x', '--effective-at', 'yesterday'], {
      env,
    });
    assert.equal(badTime.code, 2);
  });
});

describe('a registration service that asks for the wrong thing', () => {
  it('never signs a challenge for another meter or key, and never answers it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pki-cli-rogue-'));
    const keys = (await cli(['keygen', '--out', path.join(dir, 'm')])).json();
    const rogue = await FakeService.start();
    const victim = 'b'.repeat(64);
    rogue.on('POST', /\/meters\/registrations/, () => {
      const nonce = newNonce();
      const statement = attestationStatement({
        meterId: 'm-1',
        keyFingerprint: victim,
        attester: 'PTBMSP',
        nonce,
      });
      return {
        status: 201,
        body: { challengeId: nonce, registrationId: nonce, statement, expiresAt: '2026-01-05T10:05:00Z' },
      };
    });
    try {
      const args = ['register', '--registration', rogue.url, '--meter', 'm-1', '--model', 'LOOP-2'];
      const run = await cli([...args, '--key', String(keys['privateKeyFile'])]);
      assert.equal(run.code, 1);
      assert.match(run.stderr, /^STATEMENT_UNEXPECTED: refusing to sign: the statement names key "b{64}"/);
      assert.equal(rogue.requests.length, 1);
    } finally {
      await rogue.close();
    }
  });
});
