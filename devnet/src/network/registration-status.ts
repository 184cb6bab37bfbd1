import { existsSync, readFileSync } from 'node:fs';

/** A registration instance as network.json lists it under `services.registration`. */
export interface RegistrationEntry {
  process: string;
  org: string;
  mspId: string;
  url: string;
}

function isEntry(value: unknown): value is RegistrationEntry {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const entry = value as Record<string, unknown>;
  return ['process', 'org', 'mspId', 'url'].every((field) => typeof entry[field] === 'string');
}

/** The registration instances of a connection file; none when it has no services (or cannot be read). */
export function registrationEntries(networkFile: string): RegistrationEntry[] {
  if (!existsSync(networkFile)) {
    return [];
  }
  try {
    const profile = JSON.parse(readFileSync(networkFile, 'utf8')) as {
      services?: { registration?: unknown };
    };
    const entries = profile.services?.registration;
    return Array.isArray(entries) ? entries.filter(isEntry) : [];
  } catch {
    return [];
  }
}

/** One line per registration instance: NMI, MSP, URL and the state of its process. */
export function registrationLines(
  entries: readonly RegistrationEntry[],
  stateOf: (process: string) => string,
): string[] {
  if (entries.length === 0) {
    return [];
  }
  return [
    'registration instances (one per NMI):',
    ...entries.map(
      (entry) =>
        `  ${entry.org.padEnd(10)}${entry.mspId.padEnd(14)}${entry.url.padEnd(26)}${stateOf(entry.process)}`,
    ),
  ];
}
