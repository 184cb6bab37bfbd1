import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLogger } from './logger';
import { NestPinoLogger } from './nest-logger';
import { captureLines } from './testing/capture-lines';

function adapter(): { nest: NestPinoLogger; lines: Record<string, unknown>[] } {
  const { stream, lines } = captureLines();
  return {
    nest: new NestPinoLogger(createLogger('measurement', { destination: stream, level: 'trace' })),
    lines,
  };
}

describe('NestPinoLogger', () => {
  it('routes each Nest level to its pino level and keeps the context', () => {
    const { nest, lines } = adapter();
    nest.log('started', 'NestApplication');
    nest.warn('slow');
    nest.debug('detail', 'Ctx');
    nest.verbose('chatter', 'Ctx');
    nest.fatal('gone');
    assert.deepEqual(
      lines.map((line) => [line['level'], line['msg'], line['context']]),
      [
        ['info', 'started', 'NestApplication'],
        ['warn', 'slow', undefined],
        ['debug', 'detail', 'Ctx'],
        ['trace', 'chatter', 'Ctx'],
        ['fatal', 'gone', undefined],
      ],
    );
  });

  it('keeps the stack of error(message, stack, context) and treats a lone argument as context', () => {
    const { nest, lines } = adapter();
    nest.error('failed', 'Error: failed\n    at x', 'RoutesResolver');
    nest.error('failed again', 'RoutesResolver');
    assert.partialDeepStrictEqual(lines, [
      { level: 'error', msg: 'failed', stack: 'Error: failed\n    at x', context: 'RoutesResolver' },
      { level: 'error', msg: 'failed again', context: 'RoutesResolver' },
    ]);
    assert.ok(!('stack' in (lines[1] ?? {})));
  });

  it('serialises errors with their code and merges object messages', () => {
    const { nest, lines } = adapter();
    nest.error(Object.assign(new Error('no broker'), { code: 'KAFKA_UNAVAILABLE' }), 'ExceptionHandler');
    nest.log({ msg: 'listening', port: 3001 });
    assert.partialDeepStrictEqual(lines, [
      { msg: 'no broker', context: 'ExceptionHandler', err: { type: 'Error', code: 'KAFKA_UNAVAILABLE' } },
      { level: 'info', msg: 'listening', port: 3001 },
    ]);
  });

  it('writes nothing below the logger level', () => {
    const { stream, lines } = captureLines();
    const nest = new NestPinoLogger(createLogger('audit', { destination: stream, level: 'warn' }));
    nest.log('hidden');
    nest.debug('hidden');
    nest.warn('shown');
    assert.equal(lines.length, 1);
  });
});
