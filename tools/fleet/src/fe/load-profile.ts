import { createHash } from 'node:crypto';
import { SLOTS_PER_DAY } from '@metrochain/fe';
import type { FeSlot } from './fe-slots';

/** The most a simulated household draws in one 15-minute slot (12 kW for the whole slot). */
export const MAX_SLOT_WH = 3000;

const HOURS_PER_SLOT = 24 / SLOTS_PER_DAY;

/** Uniform numbers in [0, 1) from the SHA-256 of `text`: eight of them, reproducible. */
function uniforms(text: string): number[] {
  const digest = createHash('sha256').update(text).digest();
  return Array.from({ length: 8 }, (_, index) => digest.readUInt32BE(index * 4) / 0x1_0000_0000);
}

const bump = (hour: number, centre: number, width: number): number =>
  Math.exp(-((hour - centre) ** 2) / (2 * width ** 2));

/**
 * The true Wh a simulated household draws in one slot: a base load, a morning and an evening peak (their size
 * and time a little different per meter), ±20 % noise and now and then an appliance (kettle, oven, washing
 * machine). Deterministic in meter, day and slot, so a slot signed again after a restart carries the same value;
 * an integer in 0..MAX_SLOT_WH, as the meter encrypts it.
 */
export function householdLoadWh(meterId: string, at: FeSlot): number {
  const [size = 0, shift = 0] = uniforms(`household|${meterId}`);
  const [noise = 0, appliance = 0, applianceSize = 0] = uniforms(`slot|${meterId}|${at.day}|${at.slot}`);
  const hour = (at.slot + 0.5) * HOURS_PER_SLOT;
  const scale = 0.6 + 0.8 * size;
  const offset = (shift - 0.5) * 1.5;
  const watts =
    scale * (250 + 1400 * bump(hour, 7.25 + offset, 0.8) + 2200 * bump(hour, 19.25 + offset, 1.4)) +
    (appliance < 0.08 ? 1000 + 2000 * applianceSize : 0);
  const wh = watts * HOURS_PER_SLOT * (0.8 + 0.4 * noise);
  return Math.min(MAX_SLOT_WH, Math.max(0, Math.round(wh)));
}
