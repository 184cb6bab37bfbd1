import type { Command } from '../cli/command';
import { measurementUrlOf } from '../endpoints/fleet-endpoints';
import { ExitCode } from '@metrochain/tool-kit';
import { newMeasurementClient } from '../http/measurement-client';
import { WATCH_USAGE, parseWatchOptions } from '../options/watch-options';
import { StatsPrinter, type PrintMode } from '../watch/stats-printer';
import { watchStats } from '../watch/watch-stats';

export function printModeOf(json: boolean, isTTY: boolean): PrintMode {
  if (json) {
    return 'json';
  }
  return isTTY ? 'redraw' : 'lines';
}

export const watchCommand: Command = {
  name: 'watch',
  summary: "show the measurement service's readings per second and latest measurements (GET /stats)",
  usage: WATCH_USAGE,
  async run(argv, io) {
    const options = parseWatchOptions(argv);
    const url = measurementUrlOf({ ...options, env: io.env });
    await watchStats({
      api: newMeasurementClient(url),
      printer: new StatsPrinter({ write: io.stdout }, printModeOf(options.json, io.isTTY)),
      intervalMs: options.intervalS * 1000,
      once: options.once,
      signal: io.interrupt,
    });
    return ExitCode.OK;
  },
};
