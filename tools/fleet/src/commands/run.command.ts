import path from 'node:path';
import { findRepoRoot } from '@metrochain/config';
import type { CliIo, Command } from '../cli/command';
import { fleetCredentialsOf, measurementUrlOf, registrationInstancesOf } from '../endpoints/fleet-endpoints';
import { ExitCode } from '@metrochain/tool-kit';
import { createFleet } from '../fleet/create-fleet';
import type { Fleet } from '../fleet/fleet';
import { newMeasurementClient } from '../http/measurement-client';
import { pause } from '../util/pause';
import { DEFAULT_STATE_DIR, RUN_USAGE, parseRunOptions, type RunOptions } from '../options/run-options';
import { FleetReporter } from '../output/fleet-reporter';
import { StatsPrinter } from '../watch/stats-printer';
import { watchStats } from '../watch/watch-stats';
import { printModeOf } from './watch.command';

const TALLY_INTERVAL_MS = 5000;
const WATCH_INTERVAL_MS = 2000;

export const runCommand: Command = {
  name: 'run',
  summary: 'register simulated meters with both NMIs and post signed readings until stopped',
  usage: RUN_USAGE,
  async run(argv, io) {
    const options = parseRunOptions(argv);
    const query = { networkFile: options.networkFile, measurementUrl: options.measurementUrl, env: io.env };
    const stateDir = options.stateDir ?? path.join(findRepoRoot(__dirname) ?? '.', DEFAULT_STATE_DIR);
    const reporter = new FleetReporter({ write: io.stdout, json: options.json, quiet: options.watch });
    const { speedMeters, energyMeters, feMeters, rate, batch, noise, speedKmh } = options;
    const credentials = fleetCredentialsOf(query);
    const fleet = createFleet({
      ...(credentials === undefined ? {} : { credentials }),
      ...(options.faults === undefined ? {} : { faults: options.faults }),
      speedMeters,
      energyMeters,
      feMeters,
      rate,
      batch,
      noise,
      speedKmh,
      stateDir,
      measurementUrl: measurementUrlOf(query),
      registrationServices: registrationInstancesOf(query),
      truthsFile: path.join(stateDir, 'truths.jsonl'),
      onEvent: (event) => {
        reporter.event(event);
      },
    });
    try {
      return await registerAndRun(fleet, options, io, reporter);
    } finally {
      await fleet.stop();
    }
  },
};

async function registerAndRun(
  fleet: Fleet,
  options: RunOptions,
  io: CliIo,
  reporter: FleetReporter,
): Promise<ExitCode> {
  const meters = fleet.meters.length;
  reporter.message(`fleet ${fleet.fleetId}: ${meters} meters, registering with every NMI`, {
    fleetId: fleet.fleetId,
  });
  const registration = await fleet.register();
  reporter.message(
    `fleet ${fleet.fleetId}: ${meters} meters active (${registration.registered} registered now); posting ${options.rate} readings/s per meter`,
    { ...registration },
  );
  if (!io.interrupt.aborted) {
    io.interrupt.addEventListener('abort', () => void fleet.stop().catch(() => undefined), { once: true });
    await runWithView(fleet, options, io, reporter);
  }
  const { sent, retries } = fleet.counters();
  const { pending } = fleet.status();
  reporter.message(
    `fleet ${fleet.fleetId} stopped: ${sent} readings acknowledged, ${pending} not acknowledged (kept pending in the state folder), ${retries} retries`,
    { sent, pending, retries },
  );
  return ExitCode.OK;
}

/** The fleet runs; beside it either the live view of GET /stats or a periodic tally of what was sent. */
async function runWithView(
  fleet: Fleet,
  options: RunOptions,
  io: CliIo,
  reporter: FleetReporter,
): Promise<void> {
  const viewStop = new AbortController();
  // The view stops at once on Ctrl-C, so that the draining fleet's last lines are not redrawn over.
  io.interrupt.addEventListener(
    'abort',
    () => {
      viewStop.abort();
    },
    { once: true },
  );
  const view = options.watch
    ? watchStats({
        api: newMeasurementClient(measurementUrlOf({ ...options, env: io.env })),
        printer: new StatsPrinter({ write: io.stdout }, printModeOf(options.json, io.isTTY)),
        intervalMs: WATCH_INTERVAL_MS,
        signal: viewStop.signal,
        fleetStatus: () => fleet.status(),
      })
    : tallies(fleet, reporter, viewStop.signal);
  try {
    await fleet.run(options.durationS === undefined ? {} : { durationS: options.durationS });
  } finally {
    viewStop.abort();
    await view;
  }
}

async function tallies(fleet: Fleet, reporter: FleetReporter, signal: AbortSignal): Promise<void> {
  reporter.tally(fleet.counters(), fleet.status().pending);
  while (!signal.aborted) {
    await pause(TALLY_INTERVAL_MS, signal);
    reporter.tally(fleet.counters(), fleet.status().pending);
  }
}
