import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { inspect, parseArgs } from 'node:util';
import { type NetworkProfile, defaultNetworkFile, readNetworkProfile } from '@metrochain/config';
import { REPO_ROOT } from '@metrochain/devnet';
import { MeasurementClient, RegistryClient, connectLedger } from '@metrochain/ledger';
import { measureActivations } from '../pki/activations';
import { prepareMeters } from '../pki/meters';
import { BenchReadings } from '../pipeline/readings';
import { auditFindingsSince } from './audit-findings';
import { FAULTS, type Fault, type FaultContext } from './fault-catalogue';
import { buildReport, type FaultWindow } from './fault-verdicts';
import { readLedgerViews } from './ledger-views';
import { RecordedProbe } from './recorded-probe';
import { RecordingClock } from './recording-clock';
import { NetworkProcesses } from './network-processes';
import { type FaultsReport, formatFaultTable, writeReport, writeTap } from './report';
import type { ScenarioOutcome } from './scenarios/scenario-outcome';
import { runSoak } from './soak-phase';
import { SteadyLoad } from './steady-load';
import { visiblyRejected } from './visible-rejections';

const { values: args } = parseArgs({
  options: {
    fast: { type: 'boolean', default: false },
    // No faults, only the steady load and the soak (e.g. the hour's soak on its own: `-- --soak-only --out …`).
    'soak-only': { type: 'boolean', default: false },
    only: { type: 'string' },
    rate: { type: 'string' },
    meters: { type: 'string', default: '48' },
    lanes: { type: 'string', default: '12' },
    'kill-hold-s': { type: 'string', default: '10' },
    'freeze-hold-s': { type: 'string', default: '30' },
    'settle-s': { type: 'string', default: '10' },
    'recovery-wait-s': { type: 'string', default: '120' },
    'drain-s': { type: 'string', default: '240' },
    'soak-s': { type: 'string', default: '0' },
    tap: { type: 'string' },
    out: { type: 'string', default: path.join(REPO_ROOT, 'bench', 'results', 'faults.json') },
    'measurement-url': { type: 'string', default: 'http://127.0.0.1:3003' },
  },
});

/**
 * Half of the saturation the pipeline benchmark last measured (bench/results/pipeline.json): the one its overload
 * step multiplied (which may be the sustained rate, see its --saturation), else the ramp's best step.
 */
function halfSaturation(): number {
  try {
    const file = path.join(REPO_ROOT, 'bench', 'results', 'pipeline.json');
    const results = JSON.parse(readFileSync(file, 'utf8')) as {
      readingsPerSecond?: number;
      overloadSaturationPerSecond?: number;
    };
    const saturation = results.overloadSaturationPerSecond ?? results.readingsPerSecond ?? 400;
    return Math.max(50, Math.round(saturation / 2));
  } catch {
    return 200;
  }
}

function selectFaults(): Fault[] {
  if (args['soak-only']) {
    return [];
  }
  const chosen = FAULTS.filter((fault) => !args.fast || fault.fast);
  // --only takes one or more comma-separated parts of fault names: `--only "Kafka broker,registration"`.
  const parts = (args.only ?? '').split(',').filter((part) => part !== '');
  return parts.length === 0
    ? chosen
    : chosen.filter((fault) => parts.some((part) => fault.name.includes(part)));
}

const seconds = (value: string | undefined): number => Number(value) * 1000;

async function main(): Promise<void> {
  const profile = readNetworkProfile(defaultNetworkFile());
  const rate = args.rate === undefined ? halfSaturation() : Number(args.rate);
  const faults = selectFaults();
  const processes = new NetworkProcesses();
  const started = Date.now();
  console.log(`1/5 registering ${args.meters} energy meters through both NMIs`);
  const meters = prepareMeters(
    Number(args.meters),
    ['PTBMSP', 'InmetroMSP'],
    `faults-${started.toString(36)}`,
  );
  const registrars = [
    await connectLedger({ profile, org: 'PTB', identity: 'registration' }),
    await connectLedger({ profile, org: 'Inmetro', identity: 'registration' }),
  ] as const;
  try {
    await measureActivations(
      [RegistryClient.forConnection(registrars[0]), RegistryClient.forConnection(registrars[1])],
      meters,
      { batchSize: 250, concurrency: 2 },
    );
  } finally {
    registrars.forEach((c) => {
      c.close();
    });
  }

  const clock = new RecordingClock();
  const probe = new RecordedProbe(args['measurement-url'], clock);
  probe.start();
  const load = new SteadyLoad({
    url: args['measurement-url'],
    ratePerSecond: rate,
    lanes: Number(args.lanes),
    meters,
    readings: new BenchReadings(),
  });
  console.log(
    `2/5 steady load of ${String(rate)} readings/s; ${String(faults.length)} fault(s), one after the other`,
  );
  load.start();
  await delay(seconds(args['settle-s']));
  // Faults start once readings are being recorded.
  while (clock.last === 0) {
    await delay(200);
  }

  const ctx: FaultContext = {
    processes,
    killHoldMs: seconds(args['kill-hold-s']),
    freezeHoldMs: seconds(args['freeze-hold-s']),
    profile,
  };
  const windows: FaultWindow[] = [];
  for (const fault of faults) {
    windows.push(await runFault(fault, ctx, clock));
  }
  const soak =
    Number(args['soak-s']) > 0 ? await runSoak(processes, profile, Number(args['soak-s'])) : undefined;

  console.log('4/5 stopping the load; draining what was accepted');
  // As long as the drain: a pipeline that stopped draining refuses the last batches for ever.
  await load.stop(seconds(args['drain-s']));
  probe.stop();
  await drain(profile, load);

  console.log('5/5 reading the ledger through every NMI and checking');
  const views = await readLedgerViews(
    profile,
    meters.map((m) => m.id),
  );
  const report = buildReport({
    subset: args['soak-only'] ? 'soak' : args.fast ? 'fast' : 'full',
    offeredPerSecond: rate,
    meters: meters.length,
    windows,
    acknowledged: load.acknowledged,
    views,
    ...(await visiblyRejected(args['measurement-url'], load.acknowledged, views)),
    ...(await auditFindingsSince(profile, started).then(({ counts, examples }) => ({
      auditFindings: counts,
      auditFindingExamples: examples,
    }))),
    load: { ...load.counters },
    ...(soak === undefined ? {} : { soak }),
  });
  printReport(report);
  writeReport(args.out, report);
  console.log(`written ${path.relative(process.cwd(), args.out)}`);
  if (args.tap !== undefined) {
    writeTap(args.tap, report);
  }
  console.log(`faults: ${report.verdict}`);
  process.exitCode = report.verdict === 'pass' ? 0 : 1;
}

function printReport(report: Readonly<FaultsReport>): void {
  console.log(`\n${formatFaultTable(report)}\n`);
  for (const verdict of report.soak?.verdicts.filter((v) => !v.bounded) ?? []) {
    console.log(
      `soak: ${verdict.series} grew from ${verdict.first.toFixed(1)} to ${verdict.last.toFixed(1)}`,
    );
  }
  if (report.total.lost > 0) {
    console.log(`lost readings by their status: ${JSON.stringify(report.total.missingByStatus)}`);
  }
  for (const [category, examples] of Object.entries(report.auditFindingExamples)) {
    console.log(`audit findings ${category}:\n  ${examples.join('\n  ')}`);
  }
}

async function runFault(fault: Fault, ctx: FaultContext, clock: RecordingClock): Promise<FaultWindow> {
  const problems: string[] = [];
  if (fault.prepare !== undefined) {
    process.stdout.write(`3/5 preparing ${fault.name} … `);
    const preparing = performance.now();
    await fault.prepare(ctx).catch((error: unknown) => problems.push(`prepare: ${messageOf(error)}`));
    console.log(`${((performance.now() - preparing) / 1000).toFixed(1)} s`);
  }
  const from = Date.now();
  process.stdout.write(`3/5 ${fault.name} … `);
  const injected = performance.now();
  clock.restart(injected);
  try {
    await fault.run(ctx);
  } catch (error) {
    problems.push(`fault: ${messageOf(error)}`);
  }
  const healed = performance.now();
  const recoveryDeadline = healed + seconds(args['recovery-wait-s']);
  while (clock.last < healed && performance.now() < recoveryDeadline) {
    await delay(50);
  }
  const recoveryMs = clock.last >= healed ? clock.last - healed : undefined;
  const stallMs = clock.longestGap(performance.now());
  console.log(
    `healed after ${((healed - injected) / 1000).toFixed(1)} s, recovered in ${recoveryMs === undefined ? 'never' : `${(recoveryMs / 1000).toFixed(1)} s`}`,
  );
  const scenario = await checkScenario(fault, ctx);
  problems.push(...scenario.problems);
  await delay(seconds(args['settle-s']));
  return {
    fault,
    from,
    to: Date.now(),
    injectedAt: new Date(from).toISOString(),
    heldMs: healed - injected,
    recoveryMs,
    stallMs,
    problems,
    ...(fault.check === undefined ? {} : { facts: scenario.facts }),
  };
}

/** A scenario fault's own check (nothing for a plain fault); a check that throws is a problem of its row. */
async function checkScenario(fault: Fault, ctx: FaultContext): Promise<ScenarioOutcome> {
  if (fault.check === undefined) {
    return { problems: [], facts: {} };
  }
  const checking = performance.now();
  const outcome = await fault
    .check(ctx)
    .catch((error: unknown): ScenarioOutcome => ({ problems: [`check: ${messageOf(error)}`], facts: {} }));
  outcome.facts['checkMs'] = Math.round(performance.now() - checking);
  console.log(
    `    ${JSON.stringify(outcome.facts)}${outcome.problems.map((p) => `\n    problem: ${p}`).join('')}`,
  );
  return outcome;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Waits until the ledger holds as many readings of each meter as were acknowledged for it (read through PTB's peer;
 * the checker then compares reading by reading through every NMI), or the drain time ends.
 */
async function drain(profile: NetworkProfile, load: SteadyLoad): Promise<void> {
  const expected = new Map<string, Set<number>>();
  for (const ack of load.acknowledged) {
    expected.set(ack.meterId, (expected.get(ack.meterId) ?? new Set()).add(ack.seq));
  }
  const connection = await connectLedger({ profile, org: 'PTB', identity: 'measurement' });
  const ledger = MeasurementClient.forConnection(connection);
  const deadline = Date.now() + seconds(args['drain-s']);
  try {
    let behind = [...expected.keys()];
    while (behind.length > 0 && Date.now() < deadline) {
      const still: string[] = [];
      for (const meterId of behind) {
        const recorded = await ledger.getMeterProgress(meterId).then(
          (p) => p.recorded,
          () => 0,
        );
        if (recorded < (expected.get(meterId)?.size ?? 0)) {
          still.push(meterId);
        }
      }
      behind = still;
      if (behind.length > 0) {
        await delay(2000);
      }
    }
    if (behind.length > 0) {
      console.log(`  ${String(behind.length)} meter(s) still behind what was acknowledged after the drain`);
    }
  } finally {
    connection.close();
  }
}

// Exit explicitly: gRPC and kafkajs keep timers alive after their clients closed.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(inspect(error, { depth: 6 }));
    process.exit(1);
  },
);
