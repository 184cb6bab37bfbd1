/** The finding categories the detectors raise (the same names as audit.findings.v1's). */
export type AlarmCategory = 'seq-anomaly' | 'rate-anomaly' | 'stuck-values' | 'speed-drift' | 'clock-drift';

/** What a detector reports: the audit service turns it into a finding about `meter:<meterId>` (or the fleet). */
export interface Alarm {
  /** Undefined for a fleet-wide alarm. */
  meterId: string | undefined;
  category: AlarmCategory;
  severity: 'warning' | 'critical';
  summary: string;
  /** Tells this alarm apart from others of its category and meter (e.g. a gap's range). */
  dedupeKey: string;
  /** Seq ranges, values, the statistic and its threshold: enough to check the alarm by hand. */
  evidence: Record<string, unknown>;
}
