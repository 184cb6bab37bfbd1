/** One decrypted slot reading: Wh of the 15-minute slot `slot` (0–95) of UTC day `day`. */
export interface DecryptedReading {
  day: string;
  slot: number;
  seq: number;
  wh: number;
}

/** What `decrypt` prints: the readings in day and slot order, their sum and how many slots had one. */
export interface ReadingSummary {
  meterId: string;
  period: string;
  readings: DecryptedReading[];
  totalWh: number;
  slots: number;
}

export function summariseReadings(
  meterId: string,
  period: string,
  readings: readonly DecryptedReading[],
): ReadingSummary {
  const ordered = [...readings].sort((a, b) => (a.day === b.day ? a.slot - b.slot : a.day < b.day ? -1 : 1));
  const totalWh = ordered.reduce((sum, reading) => sum + reading.wh, 0);
  return { meterId, period, readings: ordered, totalWh, slots: ordered.length };
}
