import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { createProgressLog } from './progress-log';

describe('createProgressLog', () => {
  it('stamps each line with the tool and the seconds since it started, details indented', () => {
    const written: string[] = [];
    const write = mock.method(process.stdout, 'write', (chunk: string) => written.push(chunk));
    mock.timers.enable({ apis: ['Date'], now: 10_000 });
    try {
      const log = createProgressLog('k8s', 7_500);
      log.step('install');
      log.detail('helm: cached');
    } finally {
      mock.timers.reset();
      write.mock.restore();
    }
    assert.deepEqual(written, ['[k8s +   2.5s] install\n', '[k8s +   2.5s]   helm: cached\n']);
  });
});
