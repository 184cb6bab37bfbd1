/**
 * Faults a simulated meter can be given, so that the audit service's surveillance can be shown to find them on the
 * real stack (docs/surveillance.md). A meter is named by its id or the end of it (`speed-0002`).
 */
export interface FleetFaults {
  /** Seqs signed but never sent. */
  dropSeqs?: readonly { meter: string; from: number; to: number }[];
  /** Meters that send one raw capture over and over (new seq and time, same payload). */
  stuck?: readonly string[];
  /** Speed meters whose measured speeds are scaled by this factor (a wrong loop distance). */
  speedBias?: readonly { meter: string; factor: number }[];
  /** Meters that sign this fraction of their readings wrongly (a valid signature over other bytes). */
  badSignatures?: readonly { meter: string; fraction: number }[];
  /** Meters whose clocks run off by this many ppm from their first reading on. */
  clockDrift?: readonly { meter: string; ppm: number }[];
}

export function namesMeter(name: string, meterId: string): boolean {
  return meterId === name || meterId.endsWith(`-${name}`);
}

export function faultOf<T extends { meter: string }>(
  list: readonly T[] | undefined,
  meterId: string,
): T | undefined {
  return list?.find((entry) => namesMeter(entry.meter, meterId));
}

export function isDropped(faults: FleetFaults | undefined, meterId: string, seq: number): boolean {
  return (faults?.dropSeqs ?? []).some(
    (drop) => namesMeter(drop.meter, meterId) && seq >= drop.from && seq <= drop.to,
  );
}

/** `--drop-seqs speed-0001:100-104,energy-0002:7-7` and the like: `meter:value` pairs, comma-separated. */
export function parseFaultList(text: string | undefined): { meter: string; value: string }[] {
  if (text === undefined || text === '') {
    return [];
  }
  return text.split(',').map((item) => {
    const at = item.lastIndexOf(':');
    return at < 0 ? { meter: item, value: '' } : { meter: item.slice(0, at), value: item.slice(at + 1) };
  });
}
