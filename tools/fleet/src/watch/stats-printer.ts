import type { MeasurementStatsResponse } from '@metrochain/contracts';
import { isDomainError } from '@metrochain/errors';
import {
  LATEST_SHOWN,
  clock,
  fleetLine,
  measurementLine,
  renderStatsBlock,
  renderStatsLine,
  type FleetStatus,
} from './stats-view';

export interface TextOutput {
  write(text: string): void;
}

/** redraw: a terminal, the block in place; lines: logs and CI, plain lines; json: one object per sample. */
export type PrintMode = 'redraw' | 'lines' | 'json';

// Cursor to the start of the line `n` lines up, then clear to the end of the screen.
const up = (lines: number): string => (lines > 0 ? `\x1b[${lines}F\x1b[J` : '');

/** Prints samples of GET /stats in one of three modes; in `lines` mode each measurement is printed once. */
export class StatsPrinter {
  readonly #output: TextOutput;
  readonly #mode: PrintMode;
  #drawnLines = 0;
  readonly #printed = new Set<string>();

  constructor(output: TextOutput, mode: PrintMode) {
    this.#output = output;
    this.#mode = mode;
  }

  sample(stats: MeasurementStatsResponse, at: Date, fleet?: FleetStatus): void {
    if (this.#mode === 'json') {
      this.#output.write(`${JSON.stringify({ type: 'stats', at: at.toISOString(), ...stats, fleet })}\n`);
    } else if (this.#mode === 'redraw') {
      this.#redraw(renderStatsBlock(stats, at, fleet));
    } else {
      const fresh = stats.latest
        .slice(0, LATEST_SHOWN)
        .filter((measurement) => !this.#printed.has(`${measurement.meterId}~${measurement.seq}`))
        .reverse();
      fresh.forEach((measurement) => this.#printed.add(`${measurement.meterId}~${measurement.seq}`));
      const lines = [
        renderStatsLine(stats, at, fleet),
        ...fresh.map((m) => `  recorded ${measurementLine(m)}`),
      ];
      this.#output.write(`${lines.join('\n')}\n`);
    }
  }

  /** The service did not answer; shown in place of the numbers, and polling goes on. */
  failure(error: unknown, at: Date, fleet?: FleetStatus): void {
    const code = isDomainError(error) ? error.code : 'INTERNAL';
    const message = error instanceof Error ? error.message : String(error);
    if (this.#mode === 'json') {
      this.#output.write(
        `${JSON.stringify({ type: 'stats-unavailable', at: at.toISOString(), code, message })}\n`,
      );
      return;
    }
    const lines = [`${clock(at)} measurement service unavailable: ${code}: ${message}`];
    if (fleet !== undefined) {
      lines.push(`  ${fleetLine(fleet)}`);
    }
    if (this.#mode === 'redraw') {
      this.#redraw(lines);
    } else {
      this.#output.write(`${lines.join('\n')}\n`);
    }
  }

  #redraw(lines: readonly string[]): void {
    this.#output.write(`${up(this.#drawnLines)}${lines.join('\n')}\n`);
    this.#drawnLines = lines.length;
  }
}
