import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { MeterRecord } from './meter-record';
import { StateStore } from './state-store';

const folder = (): string => mkdtempSync(path.join(tmpdir(), 'fleet-state-'));

const RECORD: MeterRecord = {
  meterId: 'sim-0a1b2c3d-energy-0001',
  kind: 'energy',
  model: 'SIM-ENERGY-1P',
  privateKeyPem: '-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n',
  nextSeq: 42,
  attestedBy: ['PTBMSP', 'InmetroMSP'],
  active: true,
  pending: [],
};

describe('StateStore', () => {
  it('keeps the fleet id and the meter records across openings, readable by the owner only', () => {
    const dir = folder();
    const first = StateStore.open(dir);
    assert.match(first.fleetId, /^[0-9a-f]{8}$/);
    assert.equal(first.loadMeter(RECORD.meterId), undefined);
    first.saveMeter(RECORD);
    first.close();
    const second = StateStore.open(dir);
    assert.equal(second.fleetId, first.fleetId);
    assert.deepEqual(second.loadMeter(RECORD.meterId), RECORD);
    const file = path.join(dir, 'meters', `${RECORD.meterId}.json`);
    assert.equal(statSync(file).mode & 0o077, 0);
    second.close();
  });

  it('refuses a folder another live process (or this one) holds, and takes over a stale lock', () => {
    const dir = folder();
    const holder = StateStore.open(dir);
    assert.throws(() => StateStore.open(dir), { code: 'STATE_LOCKED' });
    holder.close();
    writeFileSync(path.join(dir, 'fleet.lock'), '2147483646\n');
    const next = StateStore.open(dir);
    assert.equal(readFileSync(path.join(dir, 'fleet.lock'), 'utf8'), `${process.pid}\n`);
    next.close();
  });

  it('refuses a meter file it cannot read as its own', () => {
    const dir = folder();
    const store = StateStore.open(dir);
    writeFileSync(path.join(dir, 'meters', 'm-1.json'), JSON.stringify({ meterId: 'm-1', nextSeq: -1 }));
    assert.throws(() => store.loadMeter('m-1'), { code: 'STATE_INVALID' });
    store.close();
  });
});
