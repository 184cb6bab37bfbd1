import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CryptoLayout } from './crypto-layout';
import type { EntrySource, ObjectPlan } from './secret-plan';

/** Material the plan names but the crypto folder lacks: one line per object, listing every missing file. */
export class MissingMaterialError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`missing crypto material:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'MissingMaterialError';
  }
}

/** An object with its keys' bytes, read from the crypto folder. */
export interface ResolvedObject {
  readonly plan: ObjectPlan;
  readonly data: ReadonlyMap<string, Buffer>;
}

type Read = { bytes: Buffer } | { problem: string };

function readSource(layout: CryptoLayout, source: EntrySource): Read {
  if ('file' in source) {
    const full = path.isAbsolute(source.file) ? source.file : layout.resolve(source.file);
    if (!existsSync(full) || !statSync(full).isFile()) {
      return { problem: source.file };
    }
    const bytes = readFileSync(full);
    return bytes.length === 0 ? { problem: `${source.file} (empty)` } : { bytes };
  }
  const dir = layout.resolve(source.onlyFileIn);
  const files = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile())
    : [];
  const [only] = files;
  if (only === undefined) {
    return { problem: `${source.onlyFileIn}/*` };
  }
  if (files.length > 1) {
    return { problem: `${source.onlyFileIn}/ (${String(files.length)} files, expected one)` };
  }
  const bytes = readFileSync(path.join(dir, only.name));
  return bytes.length === 0 ? { problem: `${source.onlyFileIn}/${only.name} (empty)` } : { bytes };
}

/** Reads every key of every object; throws one MissingMaterialError naming all that is missing. */
export function readMaterial(layout: CryptoLayout, plans: readonly ObjectPlan[]): ResolvedObject[] {
  const problems: string[] = [];
  const resolved = plans.map((plan) => {
    const data = new Map<string, Buffer>();
    if (plan.folder !== undefined && !layout.exists(plan.folder)) {
      problems.push(
        `${plan.kind} ${plan.namespace}/${plan.name} for ${plan.purpose}: no folder ${plan.folder}`,
      );
      return { plan, data };
    }
    const missing: string[] = [];
    for (const entry of plan.entries) {
      const read = readSource(layout, entry.source);
      if ('bytes' in read) {
        data.set(entry.key, read.bytes);
      } else {
        missing.push(`${entry.key} ← ${read.problem}`);
      }
    }
    if (missing.length > 0) {
      problems.push(`${plan.kind} ${plan.namespace}/${plan.name} for ${plan.purpose}: ${missing.join('; ')}`);
    }
    return { plan, data };
  });
  if (problems.length > 0) {
    throw new MissingMaterialError(problems);
  }
  return resolved;
}
