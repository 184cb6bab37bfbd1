import { randomUUID } from 'node:crypto';
import type { Account, SlotCiphertext } from '@metrochain/contracts';
import { billing } from './billing-api';
import { eventually } from './eventually';
import {
  type FeMeter,
  type SlotValue,
  feMeter,
  feReadings,
  householdMonth,
  monthsAgo,
  uploadBacklog,
} from './fe-meters';
import { operatorOf, tokenOf } from './principals';
import { Registrars } from './registered-meters';

export const UTILITY = 'stadtwerke-nord';
export const OTHER_UTILITY = 'energia-sul';
export const CUSTOMER = 'customer-0001';
export const OTHER_CUSTOMER = 'customer-0002';

/** Night 00:00-06:00, day 06:00-20:00, evening 20:00-24:00: three bands of the 96 slots of a day. */
const TIME_OF_USE = Array.from({ length: 96 }, (_, slot) => (slot < 24 ? 0 : slot < 80 ? 1 : 2));
/** The same but the day band starts one slot later: another partition. */
const SHIFTED = Array.from({ length: 96 }, (_, slot) => (slot < 25 ? 0 : slot < 80 ? 1 : 2));

export interface TariffSpec {
  tariffId: string;
  version: number;
  currency: string;
  bands: number[];
  pricesMinorPerKWh: number[];
}

/**
 * Two energy-fe meters with months of readings on the ledger, three catalogue tariffs and four accounts of one
 * utility: what the billing tests share. Meter A has two whole months; meter B the later month but three slots.
 */
export interface BillingScenario {
  months: [string, string];
  tariffs: { first: TariffSpec; changed: TariffSpec; otherPartition: TariffSpec };
  meterA: FeMeter;
  meterB: FeMeter;
  valuesA: [SlotValue[], SlotValue[]];
  valuesB: SlotValue[];
  missingB: SlotValue[];
  /** a: billed; b: meter B; c and d: for keys that cannot open meter A's readings. */
  accounts: { a: string; b: string; c: string; d: string };
  nextSeqA: number;
}

function tariff(id: string, bands: number[], prices: number[]): TariffSpec {
  return { tariffId: id, version: 1, currency: 'EUR', bands, pricesMinorPerKWh: prices };
}

/** Fails the setup step `what` unless the answer is 201. */
export async function expectCreated(
  what: string,
  answer: Promise<{ status: number; body: unknown }>,
): Promise<void> {
  const { status, body } = await answer;
  if (status !== 201) {
    throw new Error(`${what}: ${String(status)} ${JSON.stringify(body)}`);
  }
}

/** Waits until the ledger holds `count` ciphertexts of the account's meter for `period`. */
export async function recordedCiphertexts(
  accountId: string,
  customer: string,
  period: string,
  count: number,
): Promise<SlotCiphertext[]> {
  return eventually(
    `${String(count)} ciphertexts of ${accountId} in ${period}`,
    async () => {
      const path = `/accounts/${accountId}/ciphertexts?period=${period}`;
      const { status, body } = await billing<SlotCiphertext[]>('GET', path, tokenOf(customer));
      return status === 200 && body.length === count ? body : undefined;
    },
    240_000,
    2_000,
  );
}

export async function setUpBillingScenario(): Promise<BillingScenario> {
  const suffix = randomUUID().slice(0, 8);
  const months: [string, string] = [monthsAgo(3), monthsAgo(2)];
  const registrars = await Registrars.open();
  const [meterA, meterB] = [
    feMeter(await registrars.activeMeter('fe-a')),
    feMeter(await registrars.activeMeter('fe-b')),
  ];
  registrars.close();
  const tariffs = {
    first: tariff(`tou-${suffix}`, TIME_OF_USE, [21, 32, 41]),
    changed: tariff(`tou-next-${suffix}`, TIME_OF_USE, [19, 35, 44]),
    otherPartition: tariff(`tou-shifted-${suffix}`, SHIFTED, [21, 32, 41]),
  };
  for (const spec of Object.values(tariffs)) {
    await expectCreated(`tariff ${spec.tariffId}`, billing('POST', '/tariffs', operatorOf('PTB'), spec));
  }
  const accounts = { a: `acc-a-${suffix}`, b: `acc-b-${suffix}`, c: `acc-c-${suffix}`, d: `acc-d-${suffix}` };
  const open = (accountId: string, meter: FeMeter, customer: string, billingFrom: string): Promise<void> => {
    const body: Omit<Account, 'utility' | 'openedByMsp' | 'openedAt' | 'txId'> = {
      accountId,
      customer,
      meterId: meter.meter.id,
      billingFrom,
    };
    return expectCreated(`account ${accountId}`, billing('POST', '/accounts', tokenOf(UTILITY), body));
  };
  await open(accounts.a, meterA, CUSTOMER, months[0]);
  await open(accounts.b, meterB, OTHER_CUSTOMER, months[1]);
  await open(accounts.c, meterA, CUSTOMER, months[0]);
  await open(accounts.d, meterA, CUSTOMER, months[0]);
  const valuesA: [SlotValue[], SlotValue[]] = [
    householdMonth(meterA.meter.id, months[0]),
    householdMonth(meterA.meter.id, months[1]),
  ];
  const allB = householdMonth(meterB.meter.id, months[1]);
  // Three slots never sent: two adjacent on the first day, one on the last.
  const missingIndices = new Set([40, 41, allB.length - 1]);
  const missingB = allB.filter((_, index) => missingIndices.has(index));
  const valuesB = allB.filter((_, index) => !missingIndices.has(index));
  const readingsA = feReadings(meterA, [...valuesA[0], ...valuesA[1]], 1);
  await Promise.all([uploadBacklog(readingsA), uploadBacklog(feReadings(meterB, valuesB, 1))]);
  await recordedCiphertexts(accounts.a, CUSTOMER, months[1], valuesA[1].length);
  await recordedCiphertexts(accounts.a, CUSTOMER, months[0], valuesA[0].length);
  await recordedCiphertexts(accounts.b, OTHER_CUSTOMER, months[1], valuesB.length);
  return {
    months,
    tariffs,
    meterA,
    meterB,
    valuesA,
    valuesB,
    missingB,
    accounts,
    nextSeqA: readingsA.length + 1,
  };
}
