import { writeFileSync } from 'node:fs';
import { DEBIAN_PINS_FILE } from '../paths';
import { runCommand } from '../run-command';
import { type DebianPins, readDebianPins } from './debian-pins';

export interface PinComparison {
  name: string;
  pinned: string;
  candidate: string;
}

async function candidateVersion(name: string): Promise<string> {
  const policy = await runCommand('apt-cache', ['policy', name]);
  return /^\s*Candidate:\s*(\S+)/m.exec(policy)?.[1] ?? '(none)';
}

/** Each pinned package beside the version apt would install now (after apt-get update). */
export async function comparePins(pins: DebianPins = readDebianPins()): Promise<PinComparison[]> {
  const rows: PinComparison[] = [];
  for (const [name, pinned] of [...Object.entries(pins.packages), ...Object.entries(pins.buildTools)]) {
    rows.push({ name, pinned, candidate: await candidateVersion(name) });
  }
  return rows;
}

/** Moves every pin to apt's candidate: the way to take Debian's security updates into the images. */
export function writePins(pins: DebianPins, rows: readonly PinComparison[]): void {
  const packages = Object.fromEntries(
    rows.map((row) => [row.name, row.candidate === '(none)' ? row.pinned : row.candidate]),
  );
  writeFileSync(DEBIAN_PINS_FILE, `${JSON.stringify({ ...pins, packages }, null, 2)}\n`);
}
