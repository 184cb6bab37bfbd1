/** One LR computation: the meter kind and the reading's payload, as recordBatch passes them to computeMeasurement. */
export interface LrInput {
  kind: string;
  payload: unknown;
}

/** What the bundle's computeMeasurement answers (libs/lr LrOutcome), or the exception it threw. */
export type LrOutput =
  | { ok: true; result: Record<string, unknown> }
  | { ok: false; code: string; detail?: string }
  | { ok: false; code: 'LR_THREW'; detail: string };

export interface LrWorkerRequest {
  id: number;
  /** The verified bundle file and the fingerprint it is stored under. */
  file: string;
  fingerprint: string;
  inputs: LrInput[];
}

export type LrWorkerResponse = { id: number; outputs: LrOutput[] } | { id: number; error: string };
