import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DomainError } from '@metrochain/errors';
import { SEED_BYTES, encodeSeed, parseSeed, parseSeedFile, readSeedFile, seedOf } from './seed-file';

const coded =
  (code: string, pattern: RegExp = /./) =>
  (error: unknown) =>
    error instanceof DomainError && error.code === code && pattern.test(error.message);

const SEED = Uint8Array.from({ length: SEED_BYTES }, (_, index) => index * 7);

describe('seed files', () => {
  it('hold the seed as standard base64 and a newline, and read back with white space ignored', () => {
    const text = encodeSeed(SEED);
    assert.match(text, /^[A-Za-z0-9+/]{43}=\n$/);
    assert.deepEqual(parseSeed(text, 'seed.b64'), SEED);
    assert.deepEqual(parseSeed(`  ${text.trim()}\r\n\n`, 'seed.b64'), SEED);
  });

  it('refuse anything but base64 of exactly 32 bytes as SEED_INVALID, never quoting the content', () => {
    const secretish = Buffer.from(SEED).toString('base64url');
    for (const text of [
      '',
      '\n',
      'not a seed',
      secretish,
      Buffer.alloc(31).toString('base64'),
      Buffer.alloc(33).toString('base64'),
    ]) {
      assert.throws(() => parseSeed(text, 'seed.b64'), coded('SEED_INVALID', /^seed\.b64 /));
      assert.throws(
        () => parseSeed(text, 'seed.b64'),
        (error: unknown) =>
          error instanceof Error && (text.trim() === '' || !error.message.includes(text.trim())),
      );
    }
    assert.throws(
      () => parseSeed(Buffer.alloc(16).toString('base64'), 'f'),
      coded('SEED_INVALID', /16 bytes/),
    );
    assert.throws(() => encodeSeed(new Uint8Array(16)), coded('SEED_INVALID'));
  });

  it('read from disk, a missing file being FILE_UNREADABLE', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'customer-cli-seed-'));
    const file = path.join(dir, 'meter.seed');
    writeFileSync(file, encodeSeed(SEED));
    assert.deepEqual(seedOf(readSeedFile(file), 'any-meter'), SEED);
    assert.throws(
      () => readSeedFile(path.join(dir, 'absent.seed')),
      coded('FILE_UNREADABLE', /cannot read seed file/),
    );
    writeFileSync(file, Buffer.from([0xff, 0xfe, 0x00]));
    assert.throws(() => readSeedFile(file), coded('FILE_UNREADABLE', /not UTF-8/));
  });

  it("read the fleet's customer-seeds.json as seeds by meter", () => {
    const other = new Uint8Array(SEED_BYTES).fill(9);
    const list = [
      { meterId: 'm-1', customer: 'customer-0001', seed: encodeSeed(SEED).trim() },
      { meterId: 'm-2', customer: 'customer-0002', seed: encodeSeed(other).trim() },
    ];
    const seeds = parseSeedFile(`${JSON.stringify(list, null, 2)}\n`, 'customer-seeds.json');
    assert.deepEqual([seedOf(seeds, 'm-1'), seedOf(seeds, 'm-2')], [SEED, other]);
    assert.throws(
      () => seedOf(seeds, 'm-3'),
      coded('SEED_INVALID', /customer-seeds\.json has no seed for meter m-3/),
    );
    const entry = list[0];
    for (const bad of [
      '[',
      '{}',
      '[1]',
      JSON.stringify([entry, entry]),
      JSON.stringify([{ ...entry, seed: 'AAAA' }]),
    ]) {
      assert.throws(
        () => parseSeedFile(bad.startsWith('[') ? bad : `[${bad}]`, 'seeds.json'),
        coded('SEED_INVALID', /^seeds\.json/),
      );
    }
  });
});
