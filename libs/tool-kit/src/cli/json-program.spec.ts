import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NO_NETWORK_ENV, runCaptured } from '../testing/run-captured';
import { usageError } from '../tool-error';
import type { ToolIo } from './command';
import { runJsonProgram, type JsonCommand } from './json-program';

interface Context {
  readonly greeting: string;
}

const COMMANDS: readonly JsonCommand<Context, 0 | 3>[] = [
  {
    name: 'greet',
    summary: 'Greets.',
    usage: 'demo greet [--fail]',
    run: (argv, context) =>
      argv.includes('--fail')
        ? Promise.reject(usageError('no such option'))
        : Promise.resolve({ output: { greeting: context.greeting } }),
  },
  {
    name: 'check',
    summary: 'Says no.',
    usage: 'demo check',
    run: () => Promise.resolve({ output: [], exitCode: 3 }),
  },
];

function runDemo(argv: readonly string[], io: ToolIo & { greeting: string }): Promise<number> {
  const context = { greeting: `${io.greeting} ${String(io.env['WHO'])} ${String(io.httpTimeoutMs)}` };
  return runJsonProgram({ name: 'demo', commands: COMMANDS, footer: 'JSON on stdout.\n' }, argv, io, context);
}

describe('runJsonProgram', () => {
  it("prints the command's result as JSON and exits 0 unless the result says otherwise", async () => {
    const run = await runCaptured(
      runDemo,
      ['greet'],
      { env: { WHO: 'you' }, httpTimeoutMs: 5 },
      { greeting: 'hi' },
    );
    assert.deepEqual(
      { code: run.code, json: run.json(), stderr: run.stderr },
      {
        code: 0,
        json: { greeting: 'hi you 5' },
        stderr: '',
      },
    );
    const check = await runCaptured(runDemo, ['check'], {}, { greeting: 'hi' });
    assert.deepEqual([check.code, check.stdout], [3, '[]\n']);
  });

  it("keeps the kit's skeleton: overview, --help and coded errors", async () => {
    const overview = await runCaptured(runDemo, ['--help'], {}, { greeting: 'hi' });
    assert.match(overview.stdout, /^demo <command>[\s\S]*greet {2}Greets\.[\s\S]*JSON on stdout\.\n$/);
    const help = await runCaptured(runDemo, ['greet', '--help'], {}, { greeting: 'hi' });
    assert.equal(help.stdout, 'demo greet [--fail]\n');
    const failed = await runCaptured(runDemo, ['greet', '--fail'], {}, { greeting: 'hi' });
    assert.equal(failed.code, 2);
    assert.match(failed.stderr, /^USAGE: no such option\nrun demo greet --help/);
  });
});

describe('runCaptured', () => {
  it('hands the tool no network file and no timeout unless given', async () => {
    const seen: ToolIo[] = [];
    const run = await runCaptured(
      (_argv, io: ToolIo) => {
        seen.push(io);
        return Promise.resolve(0);
      },
      [],
      {},
      {},
    );
    assert.equal(run.code, 0);
    assert.deepEqual(
      seen.map((io) => [io.env, io.httpTimeoutMs]),
      [[NO_NETWORK_ENV, undefined]],
    );
  });
});
