import type { NetworkProfile } from '@metrochain/config';

/** What a scenario fault's own check found: its problems fail the row, its facts (timings, amounts) go in the report. */
export interface ScenarioOutcome {
  problems: string[];
  facts: Record<string, number | string | boolean>;
}

/** The local network's services, as `devnet up` places them (.devnet/network.json `services`). */
export const SERVICE_URLS = {
  registrationPtb: 'http://127.0.0.1:3001',
  registrationInmetro: 'http://127.0.0.1:3011',
  measurement: 'http://127.0.0.1:3003',
  billing: 'http://127.0.0.1:3004',
} as const;

/** The bearer token the local network provisioned for `name` (docs/identity.md). */
export function tokenOf(profile: NetworkProfile, name: string): string {
  const token = profile.identity.principals.find((p) => p.name === name)?.token;
  if (token === undefined) {
    throw new Error(`the network profile provisions no ${name}`);
  }
  return token;
}

/** `what` of an error, with its code and HTTP status when it has them: for problems and facts. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  const { code, details } = error as Error & { code?: unknown; details?: { status?: unknown } };
  const status = typeof details?.status === 'number' ? `${String(details.status)} ` : '';
  return `${status}${typeof code === 'string' ? code : error.name}: ${error.message}`;
}

/** A scenario's state from `prepare`, which `run` and `check` need. */
export function required<T>(value: T | undefined): T {
  if (value === undefined) {
    throw new Error('the scenario was not prepared');
  }
  return value;
}
