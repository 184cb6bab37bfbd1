import { RegistryEvents, meterRevokedEventSchema } from '@metrochain/contracts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chaincodeErrorWithCode } from '../testing/chaincode-error-matcher';
import {
  HOUR,
  T0,
  activeMeter,
  checkAt,
  contract,
  isoAt,
  newMeterKeys,
  readMeter,
  signText,
  txAs,
} from './testing/registry-fixtures';

const METER = 'meter-0002';
const REVOKED_AT = T0 + 5 * HOUR;

async function revoke(
  state: Map<string, Uint8Array>,
  request: object,
  seconds = REVOKED_AT,
): Promise<string> {
  const { ctx } = txAs('registrar', 'LNEMSP', { state, txId: 'tx-revoke', seconds });
  return contract.revoke(ctx, JSON.stringify(request));
}

describe('revoke', () => {
  it('revokes from the transaction time by default and emits the revocation', async () => {
    const state = await activeMeter(METER, newMeterKeys());
    const { ctx, stub } = txAs('registrar', 'LNEMSP', { state, txId: 'tx-revoke', seconds: REVOKED_AT });
    await contract.revoke(ctx, JSON.stringify({ meterId: METER, reason: 'seal broken' }));
    const meter = await readMeter(state, METER);
    const revocation = { reason: 'seal broken', effectiveAt: isoAt(REVOKED_AT), by: 'LNEMSP' };
    assert.equal(meter.status, 'revoked');
    assert.deepEqual(meter.revocation, { ...revocation, at: isoAt(REVOKED_AT), txId: 'tx-revoke' });
    assert.deepEqual(
      stub.events.map((event) => event.name),
      [RegistryEvents.meterRevoked],
    );
    const payload = meterRevokedEventSchema.parse(JSON.parse(stub.events[0]?.payload ?? ''));
    assert.deepEqual(payload.revocation, meter.revocation);
  });

  it('fails signatures over data measured at or after the effective time, not before', async () => {
    const keys = newMeterKeys();
    const state = await activeMeter(METER, keys);
    const effectiveAt = isoAt(T0 + 4 * HOUR);
    await revoke(state, { meterId: METER, reason: 'tampering', effectiveAt });
    const data = 'meter-0002;2026-01-01T03:00:00Z;12.5 kWh';
    const signature = signText(keys, data);
    const before = await checkAt(state, {
      meterId: METER,
      data,
      signature,
      measuredAt: isoAt(T0 + 3 * HOUR),
    });
    assert.deepEqual([before.valid, before.status], [true, 'active']);
    for (const measuredAt of [effectiveAt, isoAt(T0 + 6 * HOUR)]) {
      const after = await checkAt(state, { meterId: METER, data, signature, measuredAt });
      assert.deepEqual([after.valid, after.status], [false, 'revoked'], measuredAt);
    }
  });

  it('normalises the effective time to UTC milliseconds', async () => {
    const state = await activeMeter(METER, newMeterKeys());
    await revoke(state, { meterId: METER, reason: 'x', effectiveAt: '2026-01-01T06:00:00+02:00' });
    assert.equal((await readMeter(state, METER)).revocation?.effectiveAt, isoAt(T0 + 4 * HOUR));
  });

  it('accepts a backdated effective time within the limit and refuses one beyond it', async () => {
    const state = await activeMeter(METER, newMeterKeys());
    const tooEarly = { meterId: METER, reason: 'x', effectiveAt: isoAt(REVOKED_AT - 24 * HOUR - 1) };
    await assert.rejects(revoke(state, tooEarly), chaincodeErrorWithCode('INVALID_ARGUMENT'));
    assert.equal((await readMeter(state, METER)).status, 'active');
    await revoke(state, { ...tooEarly, effectiveAt: isoAt(REVOKED_AT - 24 * HOUR) });
    assert.equal((await readMeter(state, METER)).status, 'revoked');
  });

  it('refuses to revoke twice, an unknown meter, and callers without the registrar role', async () => {
    const state = await activeMeter(METER, newMeterKeys());
    await revoke(state, { meterId: METER, reason: 'x' });
    const { ctx, stub } = txAs('registrar', 'PTBMSP', { state, seconds: REVOKED_AT + HOUR });
    const again = JSON.stringify({ meterId: METER, reason: 'y' });
    await assert.rejects(contract.revoke(ctx, again), chaincodeErrorWithCode('METER_REVOKED'));
    const unknown = JSON.stringify({ meterId: 'meter-none', reason: 'y' });
    await assert.rejects(contract.revoke(ctx, unknown), chaincodeErrorWithCode('METER_UNKNOWN'));
    const verifier = txAs('verifier', 'PTBMSP', { state });
    await assert.rejects(contract.revoke(verifier.ctx, again), chaincodeErrorWithCode('ROLE_FORBIDDEN'));
    assert.deepEqual([stub.writtenKeys, verifier.stub.writtenKeys], [[], []]);
  });
});
