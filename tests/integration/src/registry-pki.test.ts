import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isLedgerError, RegistryClient } from '@metrochain/ledger';
import { signData } from '@metrochain/pki';
import { attestation, newMeter } from './support/meters';
import { openSession, type Session } from './support/network';

describe('meter registry on the real network', () => {
  const sessions: Session[] = [];
  let ptb: RegistryClient;
  let inmetro: RegistryClient;
  let ptbMeasurement: RegistryClient;

  before(async () => {
    const open = async (org: string, identity: string): Promise<RegistryClient> => {
      const session = await openSession(org, identity);
      sessions.push(session);
      return RegistryClient.forConnection(session.connection);
    };
    ptb = await open('PTB', 'registration');
    inmetro = await open('Inmetro', 'registration');
    ptbMeasurement = await open('PTB', 'measurement');
  });
  after(() => {
    sessions.forEach((s) => {
      s.close();
    });
  });

  it('activates a meter only after PTB and Inmetro attested; a second PTB attestation does not count', async () => {
    const meter = newMeter();
    const first = await ptb.attest(attestation(meter, 'PTB'));
    assert.equal(first.status, 'pending');
    await assert.rejects(
      ptb.attest(attestation(meter, 'PTB')),
      (e: unknown) => isLedgerError(e) && e.code === 'ALREADY_ATTESTED',
    );
    assert.equal((await inmetro.getMeter(meter.id)).status, 'pending');
    const second = await inmetro.attest(attestation(meter, 'Inmetro'));
    assert.equal(second.status, 'active');
    assert.deepEqual(second.attestations.map((a) => a.msp).sort(), ['InmetroMSP', 'PTBMSP']);

    const data = 'meter reading 42.0 kWh';
    const check = await ptb.checkSignature({
      meterId: meter.id,
      data,
      signature: signData(meter.privatePem, data),
    });
    assert.equal(check.valid, true);
    const tampered = await ptb.checkSignature({
      meterId: meter.id,
      data: `${data}!`,
      signature: signData(meter.privatePem, data),
    });
    assert.equal(tampered.valid, false);
  });

  it('refuses a proof of possession by the wrong key and an identity without the registrar role, writing nothing', async () => {
    const meter = newMeter();
    const impostor = newMeter();
    const forged = {
      ...attestation(meter, 'PTB'),
      signature: attestation({ ...impostor, id: meter.id }, 'PTB').signature,
    };
    await assert.rejects(
      ptb.attest(forged),
      (e: unknown) => isLedgerError(e) && e.code === 'SIGNATURE_INVALID',
    );
    await assert.rejects(
      ptbMeasurement.attest(attestation(meter, 'PTB')),
      (e: unknown) => isLedgerError(e) && e.code === 'ROLE_FORBIDDEN',
    );
    await assert.rejects(
      inmetro.getMeter(meter.id),
      (e: unknown) => isLedgerError(e) && e.code === 'METER_UNKNOWN',
    );
  });

  it('reports a revoked meter’s signatures as revoked', async () => {
    const meter = newMeter();
    await ptb.attest(attestation(meter, 'PTB'));
    await inmetro.attest(attestation(meter, 'Inmetro'));
    await inmetro.revoke({ meterId: meter.id, reason: 'seal broken' });
    const data = 'after revocation';
    const check = await ptb.checkSignature({
      meterId: meter.id,
      data,
      signature: signData(meter.privatePem, data),
    });
    assert.equal(check.status, 'revoked');
    assert.equal(check.valid, false);
  });
});
