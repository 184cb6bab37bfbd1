import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { inspect, parseArgs } from 'node:util';
import { defaultNetworkFile, readNetworkProfile } from '@metrochain/config';
import { REPO_ROOT } from '@metrochain/devnet';
import { type LedgerConnection, MeasurementClient, RegistryClient, connectLedger } from '@metrochain/ledger';
import { measureActivations } from '../pki/activations';
import { type BenchMeter, prepareMeters } from '../pki/meters';
import { type Row, formatTable, rate } from '../support/table';
import { measureOneTransactionPerReading } from './baseline';
import { type LoadStepOptions, type LoadStepResult, runLoadStep } from './offered-load';
import { type OverloadResult, runOverloadStep } from './overload';
import { BenchReadings } from './readings';
import { RecordedWatch } from './recorded-watch';

const TARGET_PER_SECOND = 10_000;
const TARGET_FACTOR = 20;
const TARGET_ACK_P99_MS = 50;
const ACK_RATE = 5_000;
const TARGET_OVERLOAD_COMMIT_P99_MS = 5_000;
const RESULTS_FILE = path.join(REPO_ROOT, 'bench', 'results', 'pipeline.json');

const { values: args } = parseArgs({
  options: {
    meters: { type: 'string', default: '400' },
    rates: { type: 'string', default: '100,200,300,400,600,800,1600,3200,5000,10000' },
    'step-s': { type: 'string', default: '10' },
    lanes: { type: 'string', default: '16' },
    'post-size': { type: 'string', default: '50' },
    'baseline-s': { type: 'string', default: '10' },
    'baseline-concurrency': { type: 'string', default: '32' },
    'measurement-url': { type: 'string', default: 'http://127.0.0.1:3003' },
    /** Skip the ramp and the baseline: the overload step alone, at a multiple of the committed saturation rate. */
    'overload-only': { type: 'boolean', default: false },
    'overload-factor': { type: 'string', default: '3' },
    /**
     * The saturation rate the overload step multiplies (readings/s); default the committed ramp's best step. A 10-s
     * ramp step can end the ramp early on a slow host while the pipeline still warms up: then pass the rate the
     * overload step recorded with admission off (`overloadRecordedPerSecond`), its sustained capacity.
     */
    saturation: { type: 'string' },
    // A minute: the bound follows a 10-s drain window, so a shorter step measures mostly its start.
    'overload-s': { type: 'string', default: '60' },
  },
});

const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '-');

/** A step is saturated when the pipeline records clearly less than is offered or leaves readings behind. */
function saturated(step: LoadStepResult): boolean {
  return step.recordedPerSecond < 0.75 * step.offeredPerSecond || step.unrecorded > 0;
}

async function main(): Promise<void> {
  const profile = readNetworkProfile(defaultNetworkFile());
  const connections: LedgerConnection[] = [];
  const open = async (org: string, identity: string): Promise<LedgerConnection> => {
    const connection = await connectLedger({ profile, org, identity });
    connections.push(connection);
    return connection;
  };
  const watch = new RecordedWatch();
  try {
    const registrars = [await open('PTB', 'registration'), await open('Inmetro', 'registration')] as const;
    const attesters = ['PTB', 'Inmetro'].map((org) => profile.organizations[org]?.mspId ?? '');
    const runId = Date.now().toString(36);
    const parts = args['overload-only'] ? 2 : 4;
    console.log(`1/${String(parts)} registering ${args.meters} energy meters through both NMIs (not timed)`);
    const meters = prepareMeters(Number(args.meters), attesters, runId);
    await measureActivations(
      [RegistryClient.forConnection(registrars[0]), RegistryClient.forConnection(registrars[1])],
      meters,
      { batchSize: 250, concurrency: 2 },
    );
    const readings = new BenchReadings();
    await watch.start(profile.kafka.brokers);

    const load = {
      url: args['measurement-url'],
      lanes: Number(args.lanes),
      postSize: Number(args['post-size']),
      meters,
      nextSeq: (meterId: string) => readings.nextSeq(meterId),
      makeReading: (meter: BenchMeter, seq: number) => readings.make(meter, seq),
      watch,
    };
    if (args['overload-only']) {
      const saturation =
        args.saturation === undefined
          ? ((readResults() as { readingsPerSecond?: number }).readingsPerSecond ?? 0)
          : Number(args.saturation);
      console.log(`2/2 overload at ${args['overload-factor']}× the saturation rate ${rate(saturation)}`);
      await warmUp(load, saturation / 2);
      reportOverload(await overload(load, saturation), readResults(), saturation);
      return;
    }
    await warmUp(load, Number(args.rates.split(',')[0]));
    const steps = await ramp(load);
    const saturation = Math.max(0, ...steps.map((step) => step.recordedPerSecond));

    // Before the overload step: with admission off that leaves a backlog the baseline would share the host with.
    console.log("3/4 the papers' design: one transaction per reading, same network");
    const measurement = MeasurementClient.forConnection(await open('PTB', 'measurement'));
    const baseline = await measureOneTransactionPerReading(measurement, meters, {
      durationMs: Number(args['baseline-s']) * 1000,
      concurrency: Number(args['baseline-concurrency']),
      nextSeq: (meterId) => readings.nextSeq(meterId),
      makeReading: (meter, seq) => readings.make(meter, seq),
    });

    console.log(`4/4 overload at ${args['overload-factor']}× the saturation rate ${rate(saturation)}`);
    const overloaded = await overload(load, saturation);

    const summary = summarise(steps, baseline.perSecond);
    report(summary);
    reportOverload(overloaded, summary, saturation);
  } finally {
    await watch.stop();
    connections.forEach((connection) => {
      connection.close();
    });
  }
}

type Load = Omit<LoadStepOptions, 'ratePerSecond' | 'durationMs' | 'drainMs'>;

/**
 * A fresh network's first batches are slow (connections, chaincode, caches): 10 s of load, not counted, first. Without
 * it the ramp's first step (100/s) recorded 74/s with commit p99 12.4 s and ended the ramp there (session 23).
 */
async function warmUp(load: Readonly<Load>, ratePerSecond: number): Promise<void> {
  const warm = await runLoadStep({ ...load, ratePerSecond, durationMs: 10_000, drainMs: 60_000 });
  console.log(`  warm-up at ${rate(ratePerSecond)}: commit p99 ${ms(warm.commitP99Ms)} (not counted)`);
}

/** Rising offered load until the pipeline saturates. */
async function ramp(load: Readonly<Load>): Promise<LoadStepResult[]> {
  console.log('2/4 end to end at rising offered load: ingest → verification → ledger batch → event');
  const steps: LoadStepResult[] = [];
  for (const offered of args.rates.split(',').map(Number)) {
    const step = await runLoadStep({
      ...load,
      ratePerSecond: offered,
      durationMs: Number(args['step-s']) * 1000,
      drainMs: 60_000,
    });
    steps.push(step);
    console.log(
      `  offered ${rate(offered)}: recorded ${rate(step.recordedPerSecond)}, ack p99 ${ms(step.ackP99Ms)}, ` +
        `commit p99 ${ms(step.commitP99Ms)}, unrecorded ${String(step.unrecorded)}, rejected ${String(step.rejected)}`,
    );
    if (saturated(step)) {
      console.log('  saturated: stopping the ramp');
      break;
    }
  }
  return steps;
}

async function overload(load: Readonly<Load>, saturation: number): Promise<OverloadResult> {
  if (!(saturation > 0)) {
    throw new Error('no saturation rate to overload: run the ramp first (bench/results/pipeline.json)');
  }
  const result = await runOverloadStep({
    ...load,
    ratePerSecond: Math.round(saturation * Number(args['overload-factor'])),
    durationMs: Number(args['overload-s']) * 1000,
    drainMs: 120_000,
  });
  console.log(`  ${inspect(result, { breakLength: 160 })}`);
  return result;
}

function readResults(): Record<string, unknown> {
  return JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>;
}

/** One decimal, or NaN when the step measured nothing. */
const oneDecimal = (value: number | undefined): number => Number((value ?? Number.NaN).toFixed(1));

function summarise(
  steps: readonly LoadStepResult[],
  baselinePerSecond: number,
): Record<string, unknown> & {
  readingsPerSecond: number;
  baselineReadingsPerSecond: number;
  factorOverBaseline: number;
  ingestAckP50Ms: number;
  ingestAckP99Ms: number;
  ingestAckMeasuredAtPerSecond: number;
  commitP50Ms: number;
  commitP99Ms: number;
  bestOfferedPerSecond: number;
} {
  const best = [...steps].sort((a, b) => b.recordedPerSecond - a.recordedPerSecond)[0];
  const atAckRate = steps.find((step) => step.offeredPerSecond === ACK_RATE) ?? steps.at(-1);
  const readingsPerSecond = Math.round(best?.recordedPerSecond ?? 0);
  return {
    measuredAt: new Date().toISOString(),
    host: { cores: cpus().length, node: process.version },
    readingsPerSecond,
    baselineReadingsPerSecond: Math.round(baselinePerSecond),
    factorOverBaseline: oneDecimal(readingsPerSecond / baselinePerSecond),
    ingestAckP50Ms: oneDecimal(atAckRate?.ackP50Ms),
    ingestAckP99Ms: oneDecimal(atAckRate?.ackP99Ms),
    ingestAckMeasuredAtPerSecond: atAckRate?.offeredPerSecond ?? 0,
    commitP50Ms: oneDecimal(best?.commitP50Ms),
    commitP99Ms: oneDecimal(best?.commitP99Ms),
    bestOfferedPerSecond: best?.offeredPerSecond ?? 0,
    steps,
  };
}

function report(results: ReturnType<typeof summarise>): void {
  const { readingsPerSecond } = results;
  const rows: Row[] = [
    {
      metric: 'end to end, recorded readings (best step)',
      measured: `${rate(readingsPerSecond)} at ${rate(results.bestOfferedPerSecond)} offered`,
      target: rate(TARGET_PER_SECOND),
      baseline: `${rate(results.baselineReadingsPerSecond)} (one tx per reading)`,
    },
    {
      metric: 'factor over the baseline',
      measured: `${String(results.factorOverBaseline)}×`,
      target: `${String(TARGET_FACTOR)}×`,
      baseline: 'papers: 300–380 tx/s',
    },
    {
      metric: `ingest ack p50 / p99 at ${rate(results.ingestAckMeasuredAtPerSecond)}`,
      measured: `${ms(results.ingestAckP50Ms)} / ${ms(results.ingestAckP99Ms)}`,
      target: `p99 < ${String(TARGET_ACK_P99_MS)} ms at ${rate(ACK_RATE)}`,
      baseline: '-',
    },
    {
      metric: 'commit p50 / p99 (accepted → event), best step',
      measured: `${ms(results.commitP50Ms)} / ${ms(results.commitP99Ms)}`,
      target: '-',
      baseline: '-',
    },
  ];
  console.log(`\n${formatTable(rows)}`);
}

/** The overload row beside the rest (printed again with --overload-only), written into the results. */
function reportOverload(
  result: Readonly<OverloadResult>,
  previous: Record<string, unknown>,
  saturation: number,
): void {
  // "Accepted near saturation": the accepted rate over the saturation the step multiplied.
  const acceptedShare =
    saturation > 0 ? Number((result.overloadAcceptedPerSecond / saturation).toFixed(3)) : undefined;
  const results = {
    ...previous,
    ...result,
    overloadSaturationPerSecond: saturation,
    ...(acceptedShare === undefined ? {} : { overloadAcceptedShareOfSaturation: acceptedShare }),
    overloadMeasuredAt: new Date().toISOString(),
  };
  const share = acceptedShare === undefined ? '' : ` (${(100 * acceptedShare).toFixed(0)} % of saturation)`;
  const row: Row = {
    metric: `overload: ${rate(result.overloadOfferedPerSecond)} offered (${args['overload-factor']}× saturation)`,
    measured:
      `posted ${rate(result.overloadPostedPerSecond)}, accepted ${rate(result.overloadAcceptedPerSecond)}${share}, ` +
      `recorded ${rate(result.overloadRecordedPerSecond)}, ` +
      `refused ${(100 * result.overloadRefusedShare).toFixed(1)} % (bound ${String(result.overloadMaxInFlight)}), ` +
      `commit p99 ${ms(result.overloadCommitP99Ms)}, unrecorded ${String(result.overloadUnrecorded)}`,
    target: `commit p99 ≤ ${String(TARGET_OVERLOAD_COMMIT_P99_MS / 1000)} s, 0 unrecorded`,
    baseline: 'before admission control: all accepted, p99 13.7 s',
  };
  console.log(`\n${formatTable([row])}\n`);
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written ${path.relative(process.cwd(), RESULTS_FILE)}`);
}

main().catch((error: unknown) => {
  console.error(inspect(error, { depth: 6 }));
  process.exitCode = 1;
});
