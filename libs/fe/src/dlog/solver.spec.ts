import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { RistrettoPoint, mulPublic } from '../group';
import { createDlogSolver } from './solver';
import { tableFileName } from './table-file';

const times = (x: number | bigint): RistrettoPoint => mulPublic(RistrettoPoint.BASE, BigInt(x));

describe('signed bounded discrete logarithm', () => {
  // 16 baby steps span 31 values per giant step: the bounds below fall inside, on and between giant steps.
  const solver = createDlogSolver({ babyStepBits: 4 });

  it('finds every x within the bound, on both edges, and nothing beyond', () => {
    for (const bound of [0, 1, 15, 16, 30, 31, 32, 1000, 4096]) {
      for (const x of [bound, -bound, bound - 1, 1 - bound]) {
        if (Math.abs(x) <= bound)
          assert.equal(solver.solve(times(x), bound), BigInt(x), `${x} within ${bound}`);
      }
      assert.equal(solver.solve(times(bound + 1), bound), undefined, `${bound + 1} beyond ${bound}`);
      assert.equal(solver.solve(times(-bound - 1), bound), undefined, `${-bound - 1} beyond ${bound}`);
    }
  });

  it('finds every value of a small range and the identity', () => {
    for (let x = -200; x <= 200; x++) assert.equal(solver.solve(times(x), 200), BigInt(x));
    assert.equal(solver.solve(RistrettoPoint.ZERO, 0), 0n);
  });

  it('does not depend on the Edwards representative of the point', () => {
    // A decoded point and a computed one are different representatives of the same element.
    const computed = times(-777).add(times(1554));
    const decoded = RistrettoPoint.fromBytes(computed.toBytes());
    assert.equal(solver.solve(computed, 1000), 777n);
    assert.equal(solver.solve(decoded, 1000), 777n);
  });

  it('finds large values at a larger table', () => {
    const large = createDlogSolver({ babyStepBits: 12 });
    for (const x of [2 ** 24, -(2 ** 24), 123_456_789, -98_765_432])
      assert.equal(large.solve(times(x), 2 ** 27), BigInt(x));
    assert.equal(large.solve(times(2n ** 40n), 2 ** 27), undefined);
  });

  it('refuses a bound or a table size it cannot serve', () => {
    const outOfRange = { code: 'FE_VALUE_OUT_OF_RANGE' };
    assert.throws(() => solver.solve(times(1), -1), outOfRange);
    assert.throws(() => solver.solve(times(1), 1.5), outOfRange);
    assert.throws(() => solver.solve(times(1), 2 ** 49), outOfRange);
    for (const babyStepBits of [2, 40]) {
      assert.throws(() => {
        createDlogSolver({ babyStepBits });
      }, outOfRange);
    }
  });
});

describe('baby-step table cache', () => {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'fe-dlog-'));
  const file = path.join(cacheDir, tableFileName(10));
  after(() => {
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('writes the table once, reloads it, and rebuilds a corrupt or truncated file', () => {
    const first = createDlogSolver({ babyStepBits: 10, cacheDir });
    assert.equal(first.tableSource, undefined);
    assert.equal(first.solve(times(-5000), 5000), -5000n);
    assert.equal(first.tableSource, 'built');
    assert.ok(existsSync(file));
    const written = readFileSync(file);

    const second = createDlogSolver({ babyStepBits: 10, cacheDir });
    second.prepare();
    assert.equal(second.tableSource, 'cache');
    assert.equal(second.solve(times(4321), 5000), 4321n);

    const corrupt = Buffer.from(written);
    corrupt[100] = (corrupt[100] ?? 0) ^ 1;
    writeFileSync(file, corrupt);
    const third = createDlogSolver({ babyStepBits: 10, cacheDir });
    assert.equal(third.solve(times(17), 5000), 17n);
    assert.equal(third.tableSource, 'built');
    assert.deepEqual(readFileSync(file), written);

    writeFileSync(file, written.subarray(0, 1000));
    const fourth = createDlogSolver({ babyStepBits: 10, cacheDir });
    fourth.prepare();
    assert.equal(fourth.tableSource, 'built');
    assert.equal(statSync(file).size, written.length);
    assert.deepEqual(readdirSync(cacheDir), [tableFileName(10)]);
  });

  it('keeps tables of other sizes apart', () => {
    const other = createDlogSolver({ babyStepBits: 9, cacheDir });
    assert.equal(other.solve(times(-3), 10), -3n);
    assert.ok(existsSync(path.join(cacheDir, tableFileName(9))));
  });

  it('still solves when the cache cannot be written', () => {
    const blocked = path.join(cacheDir, 'not-a-directory');
    writeFileSync(blocked, 'x');
    const solver = createDlogSolver({ babyStepBits: 8, cacheDir: blocked });
    assert.equal(solver.solve(times(99), 100), 99n);
    assert.equal(solver.tableSource, 'built');
  });
});
