import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMANDS } from './commands';
import { cli } from './testing/run-cli';

describe('metrochain-pki command line', () => {
  it('prints the overview for --help and help (exit 0), and on stderr without a command (exit 2)', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const run = await cli(argv);
      assert.equal(run.code, 0);
      assert.match(run.stdout, /^metrochain-pki <command>/);
      COMMANDS.forEach((command) => {
        assert.match(run.stdout, new RegExp(`\\n  ${command.name} +\\S`));
      });
    }
    const bare = await cli([]);
    assert.deepEqual([bare.code, bare.stdout], [2, '']);
    assert.match(bare.stderr, /^metrochain-pki <command>/);
  });

  it('has --help for every command, naming each of its options', async () => {
    assert.equal(COMMANDS.length, 13);
    for (const command of COMMANDS) {
      const run = await cli([command.name, '--meter', 'x', '--help']);
      assert.equal(run.code, 0, command.name);
      assert.equal(run.stdout, `${command.usage}\n`);
      assert.match(run.stdout, new RegExp(`^metrochain-pki ${command.name}`));
      const topic = await cli(['help', command.name]);
      assert.equal(topic.stdout, run.stdout);
    }
  });

  it('answers an unknown command, an unknown option and a missing option with USAGE and exit 2', async () => {
    const unknown = await cli(['enroll']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^USAGE: unknown command "enroll"/);
    const badOption = await cli(['fingerprint', '--pubkey', 'x.pem']);
    assert.equal(badOption.code, 2);
    assert.match(badOption.stderr, /^USAGE: .*--pubkey/);
    assert.match(badOption.stderr, /run metrochain-pki fingerprint --help/);
    const missing = await cli(['status']);
    assert.deepEqual([missing.code, missing.stderr.split('\n')[0]], [2, 'USAGE: --meter is required']);
    assert.equal(missing.stdout, '');
  });

  it('reports a refused operation as "CODE: message" on stderr with exit 1 and nothing on stdout', async () => {
    const run = await cli(['fingerprint', '--pub', '/nonexistent/meter.pub.pem']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^FILE_UNREADABLE: cannot read public key \/nonexistent\/meter\.pub\.pem: /);
    assert.equal(run.stdout, '');
  });
});
