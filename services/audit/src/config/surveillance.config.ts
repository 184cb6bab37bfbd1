import { type Environment, loadConfig } from '@metrochain/config';
import { z } from 'zod';

/** Detector settings overridable as one JSON object (`AUDIT_SURVEILLANCE`); absent keys keep the defaults. */
const overridesSchema = z
  .object({
    gapGraceMs: z.number().positive(),
    burstWindowMs: z.number().positive(),
    driftWindowMs: z.number().positive(),
    driftLatenessMs: z.number().nonnegative(),
    driftMinVehicles: z.number().int().positive(),
    clockWindowMs: z.number().positive(),
    clockMinPoints: z.number().int().min(2),
    clockMaxOffsetMs: z.number().positive(),
    rateBucketMs: z.number().positive(),
    checkIntervalMs: z.number().positive(),
  })
  .partial()
  .strict();

/** An unset or blank variable is absent; text that is not JSON stays a string, which the schema then refuses. */
function parseJsonText(value: unknown): unknown {
  if (typeof value !== 'string' || value.trim() === '') {
    return undefined;
  }
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

const surveillanceConfigSchema = z.object({
  /** meterId (or a pattern with `*`) → road, e.g. {"sim-*-speed-*":"A1"}: speed meters compared on one road. */
  AUDIT_ROADS: z.preprocess(parseJsonText, z.record(z.string().min(1), z.string().min(1).max(64)).optional()),
  AUDIT_SURVEILLANCE: z.preprocess(parseJsonText, overridesSchema.optional()),
});

export interface SurveillanceConfig {
  roads: Readonly<Record<string, string>>;
  gapGraceMs: number;
  burstWindowMs: number;
  driftWindowMs: number;
  driftLatenessMs: number;
  driftMinVehicles: number;
  clockWindowMs: number;
  clockMinPoints: number;
  clockMaxOffsetMs: number;
  rateBucketMs: number;
  /** How often gaps and speed windows are judged. */
  checkIntervalMs: number;
}

export const SURVEILLANCE_DEFAULTS: Omit<SurveillanceConfig, 'roads'> = {
  gapGraceMs: 60_000,
  burstWindowMs: 10_000,
  driftWindowMs: 60_000,
  driftLatenessMs: 10_000,
  driftMinVehicles: 20,
  clockWindowMs: 60_000,
  clockMinPoints: 5,
  clockMaxOffsetMs: 2000,
  rateBucketMs: 60_000,
  checkIntervalMs: 5000,
};

/** Throws CONFIG_INVALID naming the bad variable. */
export function loadSurveillanceConfig(env: Environment = process.env): SurveillanceConfig {
  const parsed = loadConfig(surveillanceConfigSchema, env);
  return { ...SURVEILLANCE_DEFAULTS, ...parsed.AUDIT_SURVEILLANCE, roads: parsed.AUDIT_ROADS ?? {} };
}

/** The road of a meter: an exact key first, else the first pattern that matches. */
export function roadOf(roads: Readonly<Record<string, string>>, meterId: string): string | undefined {
  const exact = roads[meterId];
  if (exact !== undefined) {
    return exact;
  }
  for (const [pattern, road] of Object.entries(roads)) {
    if (pattern.includes('*')) {
      const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
      if (new RegExp(`^${escaped.join('.*')}$`).test(meterId)) {
        return road;
      }
    }
  }
  return undefined;
}
