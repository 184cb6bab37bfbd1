/**
 * Calendar months (UTC) as billing periods, `YYYY-MM`. Pure: the closer and the API decide with these which months
 * have ended and which are past their grace window.
 */

const MONTH = /^([0-9]{4})-(0[1-9]|1[0-2])$/;

function parts(month: string): { year: number; month: number } {
  const match = MONTH.exec(month);
  if (match === null) {
    throw new RangeError(`not a month: ${month}`);
  }
  return { year: Number(match[1]), month: Number(match[2]) };
}

function format(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The month after `month`. */
export function nextMonth(month: string): string {
  const { year, month: m } = parts(month);
  return m === 12 ? format(year + 1, 1) : format(year, m + 1);
}

/** The first instant after the month, in ms since the epoch. */
export function monthEndMs(month: string): number {
  const { year, month: m } = parts(month);
  return Date.UTC(year, m, 1);
}

/** The month an instant falls in. */
export function monthOf(instantMs: number): string {
  const date = new Date(instantMs);
  return format(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

/** Months from `from` on whose end lies at least `graceMs` before `nowMs`, oldest first. */
export function closableMonths(from: string, nowMs: number, graceMs: number): string[] {
  const months: string[] = [];
  for (let month = from; monthEndMs(month) + graceMs <= nowMs; month = nextMonth(month)) {
    months.push(month);
  }
  return months;
}

/** Whether `month` lies in [validFrom, validTo); `validTo` absent is open-ended. */
export function monthWithin(month: string, validFrom: string, validTo: string | undefined): boolean {
  return month >= validFrom && (validTo === undefined || month < validTo);
}
