/** What a fleet reports while it works: for progress lines, --json output and tests. */
export type FleetEvent =
  | { type: 'registration'; meterId: string; done: number; total: number; attestedBy: readonly string[] }
  | { type: 'registration-failed'; meterId: string; code: string; message: string }
  | { type: 'batch'; readings: number; meters: number; firstReadingId: string; lastReadingId: string }
  | { type: 'retry'; attempt: number; delayMs: number; code: string; message: string };

export type FleetEventListener = (event: FleetEvent) => void;

/** Running counts, read by the live view. */
export interface FleetCounters {
  meters: number;
  /** Signed readings, including those not sent yet. */
  signed: number;
  /** Acknowledged by the measurement service (202). */
  sent: number;
  batches: number;
  retries: number;
}
