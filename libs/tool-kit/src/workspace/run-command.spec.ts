import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { CommandError, commandOutput, spawnCommand } from './run-command';

describe('spawnCommand', () => {
  it('resolves to the exit code and both outputs, whatever the code', async () => {
    const result = await spawnCommand('sh', ['-c', 'echo out; echo err >&2; exit 3']);
    assert.deepEqual(result, { code: 3, signal: null, stdout: 'out\n', stderr: 'err\n' });
  });

  it('writes the input to standard input and sets env on top of this process environment', async () => {
    const result = await spawnCommand('sh', ['-c', 'cat; echo "$EXTRA ${HOME:+home}"'], {
      input: 'from stdin\n',
      env: { EXTRA: 'extra' },
    });
    assert.equal(result.stdout, 'from stdin\nextra home\n');
  });

  it('closes standard input when there is no input, and survives a command that ignores its input', async () => {
    assert.equal((await spawnCommand('cat', [])).stdout, '');
    const result = await spawnCommand('true', [], { input: 'x'.repeat(1_000_000) });
    assert.equal(result.code, 0);
  });

  it('echoes the output as it comes when asked', async () => {
    const written: string[] = [];
    const write = mock.method(process.stdout, 'write', (chunk: Buffer) => written.push(chunk.toString()));
    try {
      await spawnCommand('echo', ['streamed'], { echo: true });
    } finally {
      write.mock.restore();
    }
    // The test runner writes its own reports to stdout too.
    assert.ok(written.includes('streamed\n'));
  });

  it('rejects with a CommandError when the command cannot start', async () => {
    await assert.rejects(spawnCommand('metrochain-no-such-command', ['a']), (error: unknown) => {
      assert.ok(error instanceof CommandError);
      assert.equal(error.result, undefined);
      assert.match(error.message, /^metrochain-no-such-command a could not start: spawn .*ENOENT/);
      return true;
    });
  });
});

describe('commandOutput', () => {
  it('resolves to standard output on exit code 0', async () => {
    assert.equal(await commandOutput('sh', ['-c', 'echo ok; echo noise >&2']), 'ok\n');
  });

  it('rejects naming the command, its status and the tail of its output', async () => {
    const script = 'printf "%5000s" "" | tr " " a; echo; echo the reason >&2; exit 4';
    await assert.rejects(commandOutput('sh', ['-c', script]), (error: unknown) => {
      assert.ok(error instanceof CommandError);
      assert.equal(error.result?.code, 4);
      const [first, tail = ''] = error.message.split(/\n(.*)/s);
      assert.equal(first, `sh -c ${script} exited with 4`);
      assert.equal(tail.length, 4000);
      assert.match(tail, /a\nthe reason\n$/);
      return true;
    });
    await assert.rejects(commandOutput('sh', ['-c', 'kill -TERM $$']), /was killed by SIGTERM/);
  });
});
