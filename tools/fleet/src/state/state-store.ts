import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { FleetErrorCode, fleetError } from '../fleet-error';
import { customerSeedsSchema, type CustomerSeed } from './customer-seeds';
import { meterRecordSchema, type MeterRecord } from './meter-record';
import { acquireStateLock } from './state-lock';

const fleetFileSchema = z.object({ fleetId: z.string().regex(/^[0-9a-f]{8}$/), createdAt: z.string() });

export const CUSTOMER_SEEDS_FILE = 'customer-seeds.json';

/**
 * The state folder: fleet.json (this fleet's id, part of every meter id, so two state folders never share a meter
 * on one ledger), meters/<meterId>.json and customer-seeds.json (the FE seeds the customers hold). Writes go to a temporary file renamed over the old one, so a crash
 * leaves either the old or the new record, never half of one.
 */
export class StateStore {
  readonly dir: string;
  readonly fleetId: string;
  readonly #release: () => void;

  private constructor(dir: string, fleetId: string, release: () => void) {
    this.dir = dir;
    this.fleetId = fleetId;
    this.#release = release;
  }

  /** Opens (or creates) the folder and takes its lock. */
  static open(dir: string): StateStore {
    const absolute = path.resolve(dir);
    mkdirSync(path.join(absolute, 'meters'), { recursive: true, mode: 0o700 });
    const release = acquireStateLock(absolute);
    try {
      return new StateStore(absolute, readOrCreateFleetId(absolute), release);
    } catch (error) {
      release();
      throw error;
    }
  }

  loadMeter(meterId: string): MeterRecord | undefined {
    const file = this.#meterFile(meterId);
    if (!existsSync(file)) {
      return undefined;
    }
    return parseFile(file, meterRecordSchema);
  }

  saveMeter(record: MeterRecord): void {
    writeAtomically(this.#meterFile(record.meterId), JSON.stringify(record));
  }

  /**
   * Writes the customers' seed file (mode 0600): every energy-fe meter's seed with its customer, these entries
   * replacing those of the same meters and the others kept, so that a fleet started with fewer meters loses none.
   */
  saveCustomerSeeds(entries: readonly CustomerSeed[]): void {
    const file = this.customerSeedsFile;
    const byMeter = new Map<string, CustomerSeed>();
    const known = existsSync(file) ? parseFile(file, customerSeedsSchema) : [];
    for (const { meterId, customer, seed } of [...known, ...entries]) {
      byMeter.set(meterId, { meterId, customer, seed });
    }
    const all = [...byMeter.values()].sort((a, b) => a.meterId.localeCompare(b.meterId));
    writeAtomically(file, `${JSON.stringify(all, null, 2)}\n`);
  }

  get customerSeedsFile(): string {
    return path.join(this.dir, CUSTOMER_SEEDS_FILE);
  }

  close(): void {
    this.#release();
  }

  #meterFile(meterId: string): string {
    return path.join(this.dir, 'meters', `${meterId}.json`);
  }
}

function readOrCreateFleetId(dir: string): string {
  const file = path.join(dir, 'fleet.json');
  if (existsSync(file)) {
    return parseFile(file, fleetFileSchema).fleetId;
  }
  const fleetId = randomBytes(4).toString('hex');
  writeAtomically(file, JSON.stringify({ fleetId, createdAt: new Date().toISOString() }));
  return fleetId;
}

function parseFile<Schema extends z.ZodTypeAny>(file: string, schema: Schema): z.output<Schema> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw fleetError(FleetErrorCode.STATE_INVALID, `${file} is not readable JSON`, { cause });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw fleetError(FleetErrorCode.STATE_INVALID, `${file} is not a fleet state file: ${issues.join('; ')}`);
  }
  return parsed.data as z.output<Schema>;
}

function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  renameSync(temporary, file);
}
