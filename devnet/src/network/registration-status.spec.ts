import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { registrationEntries, registrationLines } from './registration-status';

const dir = mkdtempSync(path.join(os.tmpdir(), 'devnet-registration-status-'));
const ptb = {
  process: 'service-registration-ptb',
  org: 'PTB',
  mspId: 'PTBMSP',
  url: 'http://127.0.0.1:3001',
};
const inmetro = {
  process: 'service-registration-inmetro',
  org: 'Inmetro',
  mspId: 'InmetroMSP',
  url: 'http://127.0.0.1:3011',
};

function networkFile(content: string): string {
  const file = path.join(dir, `${String(Math.random())}.json`);
  writeFileSync(file, content);
  return file;
}

describe('registration status', () => {
  it('reads the registration instances of network.json', () => {
    const file = networkFile(JSON.stringify({ services: { registration: [ptb, inmetro, { org: 'x' }] } }));
    assert.deepEqual(registrationEntries(file), [ptb, inmetro]);
  });

  it('has nothing to show without services, a file, or valid JSON', () => {
    assert.deepEqual(registrationEntries(networkFile('{}')), []);
    assert.deepEqual(registrationEntries(networkFile('not json')), []);
    assert.deepEqual(registrationEntries(path.join(dir, 'missing.json')), []);
    assert.deepEqual(
      registrationLines([], () => 'healthy'),
      [],
    );
  });

  it('shows one line per NMI with its MSP, URL and process state', () => {
    const lines = registrationLines([ptb, inmetro], (name) => (name === ptb.process ? 'healthy' : 'DEAD'));
    assert.equal(lines.length, 3);
    assert.match(lines[1] ?? '', /^ {2}PTB +PTBMSP +http:\/\/127\.0\.0\.1:3001 +healthy$/);
    assert.match(lines[2] ?? '', /^ {2}Inmetro +InmetroMSP +http:\/\/127\.0\.0\.1:3011 +DEAD$/);
  });
});
