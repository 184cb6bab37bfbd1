import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as delay } from 'node:timers/promises';
import { defaultNetworkFile, readNetworkProfile } from '@metrochain/config';
import { BILLING_CONTRACT, BillingTransactions, FUNCTIONAL_KEY_TRANSIENT } from '@metrochain/contracts';
import { REPO_ROOT } from '@metrochain/devnet';
import { functionalKey, generateSeed } from '@metrochain/fe';
import { BillingClient, type LedgerConnection, RegistryClient, connectLedger } from '@metrochain/ledger';
import { MeasurementClient } from '@metrochain/tool-kit';
import { prepareMeters } from '../pki/meters';
import { type Row, formatTable } from '../support/table';
import { type SlotValue, householdMonth, monthsAgo, signedFeReadings } from './month';

/**
 * `npm run bench:billing` (also the second half of `npm run bench:fe`): a month of energy-fe readings per meter
 * through the real pipeline, then the bill computed by the billing contract with the key in the transient map,
 * endorsed by every NMI. Times the endorsement (both chaincode servers combine 2,976 ciphertexts and solve the
 * logarithm) and the commit.
 */
const { values: args } = parseArgs({
  options: {
    meters: { type: 'string', default: '3' },
    'measurement-url': { type: 'string', default: 'http://127.0.0.1:3003' },
  },
});

const TIME_OF_USE = Array.from({ length: 96 }, (_, slot) => (slot < 24 ? 0 : slot < 80 ? 1 : 2));
const PRICES = [21, 32, 41];

async function waitRecorded(
  billing: BillingClient,
  meterId: string,
  period: string,
  count: number,
): Promise<void> {
  for (;;) {
    const recorded = (await billing.listCiphertexts({ meterId, period })).length;
    if (recorded >= count) {
      return;
    }
    await delay(1000);
  }
}

interface BillTiming {
  endorseMs: number;
  commitMs: number;
  amountMatches: boolean;
}

/** One statement computation, step by step: endorse (both NMIs execute it) then order and commit. */
async function timeBill(
  connection: LedgerConnection,
  request: Readonly<{ accountId: string; period: string; keyId: string }>,
  key: string,
  endorsers: string[],
  expected: number,
): Promise<BillTiming> {
  const proposal = connection.contract(BILLING_CONTRACT).newProposal(BillingTransactions.computeStatement, {
    arguments: [JSON.stringify(request)],
    transientData: { [FUNCTIONAL_KEY_TRANSIENT]: key },
    endorsingOrganizations: endorsers,
  });
  const started = performance.now();
  const transaction = await proposal.endorse();
  const endorsed = performance.now();
  const submitted = await transaction.submit();
  const status = await submitted.getStatus();
  const committed = performance.now();
  if (!status.successful) {
    throw new Error(`computeStatement committed with code ${String(status.code)}`);
  }
  const statement = JSON.parse(Buffer.from(transaction.getResult()).toString('utf8')) as {
    innerProductMilliMinor?: number;
  };
  return {
    endorseMs: endorsed - started,
    commitMs: committed - endorsed,
    amountMatches: statement.innerProductMilliMinor === expected,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

type FeBenchMeter = ReturnType<typeof prepareMeters>[number] & { seed: Uint8Array };

async function activate(
  registries: readonly RegistryClient[],
  meters: readonly FeBenchMeter[],
): Promise<void> {
  for (const meter of meters) {
    for (const [index, registry] of registries.entries()) {
      const answer = meter.answers[index];
      if (answer !== undefined) {
        await registry.attest(answer);
      }
    }
  }
}

/** Uploads every meter's month at once and waits until the ledger holds it; readings per second end to end. */
async function throughPipeline(
  billing: BillingClient,
  meters: readonly FeBenchMeter[],
  months: readonly SlotValue[][],
  period: string,
): Promise<{ total: number; perSecond: number }> {
  const readings = meters.map((meter, index) => signedFeReadings(meter, months[index] ?? []));
  const started = performance.now();
  const ingest = new MeasurementClient({ baseUrl: args['measurement-url'], timeoutMs: 60_000 });
  await Promise.all(readings.map((meterReadings) => ingest.postInOrder(meterReadings)));
  for (const [index, meter] of meters.entries()) {
    await waitRecorded(billing, meter.id, period, months[index]?.length ?? 0);
  }
  const total = readings.reduce((sum, meterReadings) => sum + meterReadings.length, 0);
  return { total, perSecond: Math.round(total / ((performance.now() - started) / 1000)) };
}

/** A tariff, then per meter an account, a key and the timed statement. */
async function billEach(
  ledger: Readonly<{ billing: BillingClient; connection: LedgerConnection; endorsers: string[] }>,
  meters: readonly FeBenchMeter[],
  months: readonly SlotValue[][],
  period: string,
  runId: string,
): Promise<BillTiming[]> {
  const { billing } = ledger;
  const tariffId = `bench-tou-${runId}`;
  const tariff = { tariffId, version: 1, currency: 'EUR', bands: TIME_OF_USE, pricesMinorPerKWh: PRICES };
  await billing.approveTariff({ ...tariff, approvedBy: 'bench' });
  const weights = TIME_OF_USE.map((band) => PRICES[band] ?? 0);
  const bills: BillTiming[] = [];
  for (const [index, meter] of meters.entries()) {
    const accountId = `bench-acc-${runId}-${String(index)}`;
    const keyId = `${accountId}-k`;
    const key = functionalKey(meter.seed, weights);
    const keyHash = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex');
    const account = { accountId, utility: 'bench-utility', customer: 'bench-customer', meterId: meter.id };
    await billing.openAccount({ ...account, billingFrom: period });
    await billing.issueKey({ keyId, accountId, tariffId, tariffVersion: 1, validFrom: period, keyHash });
    const values = months[index] ?? [];
    const expected = values.reduce((sum, value) => sum + value.wh * (weights[value.slot] ?? 0), 0);
    const request = { accountId, period, keyId };
    bills.push(await timeBill(ledger.connection, request, key, ledger.endorsers, expected));
  }
  return bills;
}

function report(
  bills: readonly BillTiming[],
  pipeline: Readonly<{ total: number; perSecond: number }>,
  period: string,
  slots: number,
  endorsers: readonly string[],
): boolean {
  const results = {
    measuredAt: new Date().toISOString(),
    period,
    slotsPerStatement: slots,
    endorsingOrganizations: endorsers,
    feReadingsRecorded: pipeline.total,
    feReadingsPerSecondEndToEnd: pipeline.perSecond,
    chaincodeBillEndorseMs: bills.map((bill) => Math.round(bill.endorseMs)),
    chaincodeBillEndorseMedianMs: Math.round(median(bills.map((bill) => bill.endorseMs))),
    chaincodeBillCommitMedianMs: Math.round(median(bills.map((bill) => bill.commitMs))),
    amountsMatchPlaintext: bills.every((bill) => bill.amountMatches),
  };
  const none = '—';
  const rows: Row[] = [
    {
      metric: `chaincode bill endorsement, ${String(slots)} slots (median of ${String(bills.length)})`,
      measured: `${String(results.chaincodeBillEndorseMedianMs)} ms`,
      target: '< 2,000 ms',
      baseline: none,
    },
    {
      metric: 'bill ordering + commit after endorsement (median)',
      measured: `${String(results.chaincodeBillCommitMedianMs)} ms`,
      target: none,
      baseline: none,
    },
    {
      metric: 'amounts equal the plaintext computation',
      measured: String(results.amountsMatchPlaintext),
      target: 'true',
      baseline: none,
    },
    {
      metric: 'energy-fe readings, ingest to ledger',
      measured: `${String(pipeline.perSecond)}/s (${String(pipeline.total)} readings)`,
      target: none,
      baseline: none,
    },
  ];
  console.log(`\n${formatTable(rows)}\n`);
  const out = path.join(REPO_ROOT, 'bench', 'results', 'billing.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written ${path.relative(process.cwd(), out)}`);
  return results.amountsMatchPlaintext;
}

async function main(): Promise<void> {
  const profile = readNetworkProfile(defaultNetworkFile());
  const open = (org: string, identity: string): Promise<LedgerConnection> =>
    connectLedger({ profile, org, identity });
  const connections = await Promise.all([
    open('PTB', 'registration'),
    open('Inmetro', 'registration'),
    open('PTB', 'billing'),
  ]);
  const [ptb, inmetro, connection] = connections;
  const endorsers = Object.values(profile.organizations).map((organization) => organization.mspId);
  const billing = BillingClient.forConnection(connection, { endorsingOrganizations: endorsers });
  const runId = Date.now().toString(36);
  const period = monthsAgo(2);
  try {
    console.log(`1/4 ${args.meters} energy-fe meters attested by both NMIs`);
    const meters = prepareMeters(Number(args.meters), endorsers.slice(0, 2), `fe-${runId}`).map((meter) => ({
      ...meter,
      seed: generateSeed(),
    }));
    await activate([RegistryClient.forConnection(ptb), RegistryClient.forConnection(inmetro)], meters);
    console.log(`2/4 a month (${period}) of encrypted 15-minute readings per meter, ingest to ledger`);
    const months = meters.map((meter) => householdMonth(meter.id, period));
    const pipeline = await throughPipeline(billing, meters, months, period);
    console.log(
      '3/4 tariff, accounts and keys on the ledger; 4/4 statements: endorsement by every NMI, commit',
    );
    const bills = await billEach({ billing, connection, endorsers }, meters, months, period, runId);
    if (!report(bills, pipeline, period, months[0]?.length ?? 0, endorsers)) {
      process.exitCode = 1;
    }
  } finally {
    connections.forEach((open) => {
      open.close();
    });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
