import { setTimeout as delay } from 'node:timers/promises';
import type { NetworkProfile } from '@metrochain/config';
import { functionalKey, generateSeed } from '@metrochain/fe';
import { RegistryClient, connectLedger } from '@metrochain/ledger';
import { BillingApiClient, MeasurementClient } from '@metrochain/tool-kit';
import { householdMonth, monthsAgo, signedFeReadings } from '../../billing/month';
import { prepareMeters } from '../../pki/meters';
import { SERVICE_URLS, tokenOf } from './scenario-outcome';

/** Night, day and evening bands of the 96 slots and their prices, as `npm run bench:billing` bills. */
const TIME_OF_USE = Array.from({ length: 96 }, (_, slot) => (slot < 24 ? 0 : slot < 80 ? 1 : 2));
const PRICES = [21, 32, 41];
export const UTILITY = 'stadtwerke-nord';
export const CUSTOMER = 'customer-0001';
const RECORDED_DEADLINE_MS = 300_000;

/** An account whose meter's month is on the ledger, with the key its customer will issue and the bill expected. */
export interface BilledAccount {
  accountId: string;
  meterId: string;
  period: string;
  tariffId: string;
  functionalKey: string;
  /** The month after `period`: the key covers `period` only. */
  keyValidTo: string;
  slots: number;
  /** Σ Wh × price of the readings sent, in thousandths of a minor unit, and its rounding: computed in the clear. */
  expectedMilliMinor: number;
  expectedMinor: number;
}

export const billingApi = (profile: NetworkProfile, principal: string): BillingApiClient =>
  new BillingApiClient({
    baseUrl: SERVICE_URLS.billing,
    timeoutMs: 60_000,
    bearerToken: tokenOf(profile, principal),
  });

/** The bill of `values` under the tariff, as the contract must compute it from the ciphertexts. */
export function plaintextBill(values: readonly { slot: number; wh: number }[]): {
  milli: number;
  minor: number;
} {
  const weights = TIME_OF_USE.map((band) => PRICES[band] ?? 0);
  const milli = values.reduce((sum, value) => sum + value.wh * (weights[value.slot] ?? 0), 0);
  return { milli, minor: Math.sign(milli) * Math.floor((Math.abs(milli) + 500) / 1000) };
}

async function activeMeter(
  profile: NetworkProfile,
  runId: string,
): Promise<ReturnType<typeof prepareMeters>[number]> {
  const [meter] = prepareMeters(1, ['PTBMSP', 'InmetroMSP'], `fault-fe-${runId}`);
  if (meter === undefined) {
    throw new Error('no meter prepared');
  }
  for (const [index, org] of ['PTB', 'Inmetro'].entries()) {
    const answer = meter.answers[index];
    if (answer === undefined) {
      throw new Error(`no attestation answer for ${org}`);
    }
    const connection = await connectLedger({ profile, org, identity: 'registration' });
    try {
      await RegistryClient.forConnection(connection).attest(answer);
    } finally {
      connection.close();
    }
  }
  return meter;
}

/**
 * What billing a month needs, the way the product does it (docs/billing.md): an energy-fe meter attested by both
 * NMIs, a month (two months back: past the grace window) of its encrypted 15-minute readings through ingest until
 * the ledger holds all of them, a catalogue tariff approved by PTB's operator and an account opened by the utility.
 * The key is not issued yet: issuing it makes the month due for the billing service's closer.
 */
export async function setUpBilledAccount(profile: NetworkProfile): Promise<BilledAccount> {
  const runId = Date.now().toString(36);
  const meter = await activeMeter(profile, runId);
  const seed = generateSeed();
  const period = monthsAgo(2);
  const values = householdMonth(meter.id, period);
  await new MeasurementClient({ baseUrl: SERVICE_URLS.measurement, timeoutMs: 60_000 }).postInOrder(
    signedFeReadings({ ...meter, seed }, values),
  );
  const tariffId = `fault-tou-${runId}`;
  await billingApi(profile, 'operator-ptb').approveTariff({
    tariffId,
    version: 1,
    currency: 'EUR',
    bands: TIME_OF_USE,
    pricesMinorPerKWh: PRICES,
  });
  const accountId = `fault-acc-${runId}`;
  await billingApi(profile, UTILITY).openAccount({
    accountId,
    customer: CUSTOMER,
    meterId: meter.id,
    billingFrom: period,
  });
  await waitRecorded(billingApi(profile, CUSTOMER), accountId, period, values.length);
  const expected = plaintextBill(values);
  return {
    accountId,
    meterId: meter.id,
    period,
    tariffId,
    keyValidTo: monthsAgo(1),
    functionalKey: functionalKey(
      seed,
      TIME_OF_USE.map((band) => PRICES[band] ?? 0),
    ),
    slots: values.length,
    expectedMilliMinor: expected.milli,
    expectedMinor: expected.minor,
  };
}

async function waitRecorded(
  customer: BillingApiClient,
  accountId: string,
  period: string,
  count: number,
): Promise<void> {
  const deadline = performance.now() + RECORDED_DEADLINE_MS;
  let recorded = 0;
  while (performance.now() < deadline) {
    recorded = (await customer.ciphertexts(accountId, period)).length;
    if (recorded >= count) {
      return;
    }
    await delay(1000);
  }
  throw new Error(`${String(recorded)} of ${String(count)} ciphertexts of ${accountId} recorded in time`);
}
