import { z } from 'zod';

/**
 * Statistical market surveillance in the audit service (docs/surveillance.md): the fleet's rejection and signature-
 * failure rates per bucket for a chart, and each meter's detector state. Auditors only; findings go to /api/findings.
 */
export const AuditSurveillancePaths = {
  rates: '/api/surveillance/rates',
  meters: '/api/surveillance/meters',
} as const;

/** One bucket of an EWMA chart of a failure rate. */
export const surveillanceRatePointSchema = z.object({
  start: z.string().datetime(),
  readings: z.number().int().nonnegative(),
  failures: z.number().int().nonnegative(),
  rate: z.number().min(0).max(1),
  ewma: z.number(),
  /** The long-run rate, the chart's centre line. */
  centre: z.number(),
  upperLimit: z.number(),
  lowerLimit: z.number(),
});
export type SurveillanceRatePoint = z.infer<typeof surveillanceRatePointSchema>;

/** GET /api/surveillance/rates. */
export const surveillanceRatesSchema = z.object({
  bucketSeconds: z.number().positive(),
  lambda: z.number().positive(),
  /** Any rejection (verification or ledger). */
  rejections: z.array(surveillanceRatePointSchema),
  /** SIGNATURE_INVALID or SIGNATURE_MALFORMED. */
  signatureFailures: z.array(surveillanceRatePointSchema),
  /** The fleet's Bernoulli CUSUM statistics now, and their decision limit. */
  cusum: z.object({ rejection: z.number(), signature: z.number(), h: z.number() }),
});
export type SurveillanceRates = z.infer<typeof surveillanceRatesSchema>;

/** One meter as the detectors see it. */
export const surveillanceMeterSchema = z.object({
  meterId: z.string(),
  road: z.string().optional(),
  received: z.number().int().nonnegative(),
  highestSeq: z.number().int().optional(),
  /** Seqs missing and still within their grace. */
  missing: z.number().int().nonnegative(),
  ratePerS: z.number().optional(),
  outcomes: z.object({
    readings: z.number().int().nonnegative(),
    rejections: z.number().int().nonnegative(),
    signatureFailures: z.number().int().nonnegative(),
    rejectionCusum: z.number(),
    signatureCusum: z.number(),
  }),
  clock: z.object({ offsetMs: z.number(), driftPpm: z.number(), points: z.number().int() }).optional(),
  speedDrift: z
    .object({
      logRatio: z.number().optional(),
      standardError: z.number().optional(),
      cusumUp: z.number(),
      cusumDown: z.number(),
      windows: z.number().int(),
    })
    .optional(),
  lastReceivedAt: z.string().datetime().optional(),
});
export type SurveillanceMeter = z.infer<typeof surveillanceMeterSchema>;

export const surveillanceMetersSchema = z.object({ meters: z.array(surveillanceMeterSchema) });
export type SurveillanceMeters = z.infer<typeof surveillanceMetersSchema>;
