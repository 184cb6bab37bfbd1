/** Calendar months (`YYYY-MM`) and days (`YYYY-MM-DD`) of UTC, as billing periods use them. */

/** Months since year 0: consecutive months differ by one. */
export function monthIndex(month: string): number {
  const [year = 0, monthOfYear = 1] = month.split('-').map(Number);
  return year * 12 + monthOfYear - 1;
}

/** When the month ends: midnight UTC of the first day of the next month, in milliseconds. */
export function monthEndMs(month: string): number {
  const index = monthIndex(month) + 1;
  return Date.UTC(Math.floor(index / 12), index % 12, 1);
}

/** The month's days in order. */
export function daysOfMonth(month: string): string[] {
  const index = monthIndex(month);
  const count = new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();
  return Array.from({ length: count }, (_, day) => `${month}-${String(day + 1).padStart(2, '0')}`);
}
