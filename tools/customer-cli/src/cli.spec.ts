import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMANDS } from './commands';
import { cli } from './testing/run-cli';

describe('metrochain-customer command line', () => {
  it('prints the overview for --help and help (exit 0), and on stderr without a command (exit 2)', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const run = await cli(argv);
      assert.equal(run.code, 0);
      assert.match(run.stdout, /^metrochain-customer <command>/);
      COMMANDS.forEach((command) => {
        assert.match(run.stdout, new RegExp(`\\n  ${command.name} +\\S`));
      });
    }
    const bare = await cli([]);
    assert.deepEqual([bare.code, bare.stdout], [2, '']);
    assert.match(bare.stderr, /^metrochain-customer <command>/);
  });

  it('has --help for every command, naming each of its options', async () => {
    assert.deepEqual(
      COMMANDS.map((command) => command.name),
      ['seed', 'key', 'decrypt', 'statements'],
    );
    for (const command of COMMANDS) {
      const run = await cli([command.name, '--account', 'x', '--help']);
      assert.equal(run.code, 0, command.name);
      assert.equal(run.stdout, `${command.usage}\n`);
      assert.match(run.stdout, new RegExp(`^metrochain-customer ${command.name}`));
      for (const option of run.stdout.split('\n')[0]?.match(/--[a-z-]+/g) ?? []) {
        assert.match(run.stdout, new RegExp(`\\n  ${option} `), `${command.name} ${option}`);
      }
      const topic = await cli(['help', command.name]);
      assert.equal(topic.stdout, run.stdout);
    }
  });

  it('answers an unknown command, an unknown option and a bad value with USAGE and exit 2', async () => {
    const unknown = await cli(['bill']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^USAGE: unknown command "bill"/);
    const badOption = await cli(['seed', '--output', 'x']);
    assert.equal(badOption.code, 2);
    assert.match(badOption.stderr, /^USAGE: .*--output/);
    assert.match(badOption.stderr, /run metrochain-customer seed --help/);
    const missing = await cli(['statements']);
    assert.deepEqual([missing.code, missing.stderr.split('\n')[0]], [2, 'USAGE: --account is required']);
    const period = await cli(['decrypt', '--seed', 's', '--account', 'a', '--period', '2026-13']);
    assert.deepEqual(
      [period.code, period.stderr.split('\n')[0]],
      [2, 'USAGE: --period: expected a calendar month YYYY-MM'],
    );
    const args = ['key', '--seed', 's', '--account', 'a', '--tariff', 't', '--valid-from', '2026-03'];
    const version = await cli([...args, '--version', '0']);
    assert.equal(version.code, 2);
    assert.match(version.stderr, /^USAGE: --version: expected a whole number from 1/);
    const validTo = await cli([...args, '--version', '1', '--valid-to', '2026-03']);
    assert.equal(validTo.code, 2);
    assert.match(validTo.stderr, /^USAGE: --valid-to \(2026-03\) must lie after --valid-from/);
  });

  it('reports a refused operation as "CODE: message" on stderr with exit 1 and nothing on stdout', async () => {
    const run = await cli(['statements', '--account', 'a', '--customer', 'nobody']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^PRINCIPAL_UNKNOWN: no credential for /);
    assert.equal(run.stdout, '');
  });
});
