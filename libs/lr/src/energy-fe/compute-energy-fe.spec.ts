import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@metrochain/errors';
import { computeMeasurement } from '../compute-measurement';
import { computeEnergyFe } from './compute-energy-fe';

// RFC 9496: the encoding of the ristretto255 generator, and 32 bytes that encode no element (≥ p).
const GENERATOR = Buffer.from(
  'e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76',
  'hex',
).toString('base64');
const NOT_CANONICAL = Buffer.alloc(32, 0xff).toString('base64');
const payload = { day: '2026-01-15', slot: 37, ciphertext: GENERATOR };

const accept = (): void => undefined;
const refuseAll = (): never => {
  throw new DomainError({ code: 'FE_CIPHERTEXT_INVALID', message: 'not a canonical encoding' });
};

/** libs/fe is a skeleton on this branch (its functions throw a plain Error); the real check lands with fe-lib. */
describe('computeEnergyFe', () => {
  it('passes day, slot and ciphertext through once the ciphertext check accepts it', () => {
    assert.deepEqual(computeEnergyFe(payload, accept), {
      ok: true,
      result: { kind: 'energy-fe', ...payload },
    });
  });

  it('refuses a payload of another shape before checking the ciphertext', () => {
    const bad: unknown[] = [
      { ...payload, slot: 96 },
      { ...payload, slot: -1 },
      { ...payload, slot: 1.5 },
      { ...payload, day: '2026-02-29' },
      { ...payload, day: '2026-1-15' },
      { ...payload, ciphertext: GENERATOR.slice(0, 40) },
      { ...payload, ciphertext: `${GENERATOR.slice(0, 42)}==` },
      { ...payload, extra: 1 },
      { day: payload.day, slot: payload.slot },
    ];
    for (const candidate of bad) {
      const outcome = computeEnergyFe(candidate, refuseAll);
      assert.ok(!outcome.ok && outcome.code === 'PAYLOAD_INVALID', JSON.stringify(candidate));
      assert.doesNotMatch(outcome.detail, /canonical/);
    }
  });

  it('refuses a ciphertext the FE library refuses with PAYLOAD_INVALID, and lets other faults surface', () => {
    const outcome = computeEnergyFe(payload, refuseAll);
    assert.ok(!outcome.ok);
    assert.deepEqual(
      [outcome.code, outcome.detail],
      ['PAYLOAD_INVALID', 'ciphertext: not a canonical encoding'],
    );
    assert.throws(
      () =>
        computeEnergyFe(payload, () => {
          throw new TypeError('bug');
        }),
      TypeError,
    );
  });

  it('checks real ciphertexts with libs/fe: the generator passes, 32 bytes of 0xff do not', () => {
    const outcome = computeMeasurement('energy-fe', payload);
    assert.ok(outcome.ok && outcome.result.kind === 'energy-fe');
    const refused = computeMeasurement('energy-fe', { ...payload, ciphertext: NOT_CANONICAL });
    assert.ok(!refused.ok && refused.code === 'PAYLOAD_INVALID');
  });
});
