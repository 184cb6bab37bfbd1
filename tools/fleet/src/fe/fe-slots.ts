import { SLOTS_PER_DAY } from '@metrochain/fe';

/** One 15-minute slot of a UTC day: what an energy-fe reading carries besides its ciphertext. */
export interface FeSlot {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  /** 0..95. */
  slot: number;
}

export const SLOT_MS = (24 * 3600 * 1000) / SLOTS_PER_DAY;
const DAY_MS = 24 * 3600 * 1000;

function dayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

/** `YYYY-MM-DD` of an instant (UTC). */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The day a simulated energy-fe meter is installed: the first day of the previous UTC month, so that a new fleet
 * has a full month (and the current one so far) to upload and the billing service a closed period to bill.
 */
export function installationDayOf(now: Date): string {
  return dayOf(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
}

/** The slot `index` slots after slot 0 of `installedDay`: a meter walks its slots by this index. */
export function slotAt(installedDay: string, index: number): FeSlot {
  const dayIndex = Math.floor(index / SLOTS_PER_DAY);
  return { day: dayOf(dayStartMs(installedDay) + dayIndex * DAY_MS), slot: index - dayIndex * SLOTS_PER_DAY };
}

/** The inverse of slotAt. */
export function slotIndexOf(installedDay: string, at: FeSlot): number {
  const days = Math.round((dayStartMs(at.day) - dayStartMs(installedDay)) / DAY_MS);
  return days * SLOTS_PER_DAY + at.slot;
}

/** When the slot ends (day 00:00Z + (slot + 1)·15 min): the ledger refuses its reading measured before. */
export function slotEndMs(at: FeSlot): number {
  return dayStartMs(at.day) + (at.slot + 1) * SLOT_MS;
}

/** Whether the slot has ended by `atMs`, so that a reading of it measured then is accepted. */
export function slotHasEnded(at: FeSlot, atMs: number): boolean {
  return slotEndMs(at) <= atMs;
}

/** Every slot of a UTC month (`YYYY-MM`), in order: 96 per day, 2,688–2,976 in all. */
export function slotsOfMonth(month: string): FeSlot[] {
  const slots: FeSlot[] = [];
  for (let index = 0; ; index += 1) {
    const at = slotAt(`${month}-01`, index);
    if (!at.day.startsWith(month)) {
      return slots;
    }
    slots.push(at);
  }
}
