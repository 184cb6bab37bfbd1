import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { DomainError } from '@metrochain/errors';
import { decodeUtf8, readTextFile, writeNewFile } from './files';

const folder = mkdtempSync(path.join(tmpdir(), 'tool-kit-files-'));
after(() => {
  rmSync(folder, { recursive: true, force: true });
});
const coded = (code: string, pattern: RegExp) => (error: unknown) =>
  error instanceof DomainError && error.code === code && pattern.test(error.message);

describe('file helpers', () => {
  it('read UTF-8 text and refuse other bytes or a missing file as FILE_UNREADABLE', () => {
    const text = path.join(folder, 'text.txt');
    writeFileSync(text, 'zählerstand\n');
    assert.equal(readTextFile(text, 'data file'), 'zählerstand\n');
    const latin1 = path.join(folder, 'latin1.txt');
    writeFileSync(latin1, Buffer.from([0x7a, 0xe4, 0x68]));
    assert.throws(
      () => readTextFile(latin1, 'data file'),
      coded('FILE_UNREADABLE', /latin1\.txt is not UTF-8/),
    );
    assert.throws(
      () => readTextFile(path.join(folder, 'missing'), 'data file'),
      coded('FILE_UNREADABLE', /^cannot read data file .*missing: /),
    );
    assert.throws(
      () => decodeUtf8(Uint8Array.of(0xff), 'standard input'),
      coded('FILE_UNREADABLE', /^standard input is not UTF-8 text$/),
    );
  });

  it('write a new file with its mode and never overwrite one (FILE_EXISTS)', () => {
    const file = path.join(folder, 'new.key');
    writeNewFile(file, 'secret', 0o600);
    assert.equal(readFileSync(file, 'utf8'), 'secret');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.throws(
      () => {
        writeNewFile(file, 'other', 0o600);
      },
      coded('FILE_EXISTS', /new\.key exists; refusing/),
    );
    assert.equal(readFileSync(file, 'utf8'), 'secret');
    assert.throws(
      () => {
        writeNewFile(path.join(folder, 'no', 'such'), 'x', 0o600);
      },
      coded('FILE_UNREADABLE', /^cannot write /),
    );
  });
});
