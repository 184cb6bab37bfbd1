import { type ReexecutionTally, canonicalJson, readingDigestOf } from '@metrochain/contracts';
import type { FindingInput, FindingsService } from '../findings/findings.service';
import type { BundleStore } from './bundle-store';
import type { LrExecutor } from './lr-executor';
import type { LrOutput } from './lr-worker-protocol';
import type { RecordBatchTransaction, RecordedReading, TransactionPlace } from './recorded-readings';

export interface CheckResult extends ReexecutionTally {
  findingIds: string[];
  /** Wall time of the check, ms. */
  elapsedMs: number;
}

export const emptyTally = (): ReexecutionTally => ({
  checked: 0,
  matched: 0,
  lrMismatches: 0,
  rawDataMismatches: 0,
  unknownBundles: 0,
});

export function addTally(into: ReexecutionTally, from: Readonly<ReexecutionTally>): void {
  into.checked += from.checked;
  into.matched += from.matched;
  into.lrMismatches += from.lrMismatches;
  into.rawDataMismatches += from.rawDataMismatches;
  into.unknownBundles += from.unknownBundles;
}

type Verdict = 'matched' | 'lrMismatches' | 'rawDataMismatches' | 'unknownBundles';

/**
 * The LR's own output fields of a record's result. The contract adds `meterTotalWh` (the running total of earlier
 * records) to energy results after the LR ran; the LR does not compute it, so it is not compared here.
 */
function ledgerLrValue(recorded: Readonly<RecordedReading>, reexecuted: Record<string, unknown>): unknown {
  const ledger = recorded.record.result as Record<string, unknown>;
  return Object.fromEntries(Object.keys(reexecuted).map((key) => [key, ledger[key]]));
}

/**
 * Re-checks the readings a recordBatch transaction recorded: the raw signed reading in the transaction must hash
 * (RFC 8785 signed text, SHA-256, as the chaincode computes it) to the record's `readingDigest`, and the bundle
 * the record names by `lrFingerprint`, run again on the same payload, must give the recorded result.
 */
export class ReexecutionChecker {
  readonly #bundles: BundleStore;
  readonly #executor: LrExecutor;
  readonly #findings: Pick<FindingsService, 'report'>;

  constructor(bundles: BundleStore, executor: LrExecutor, findings: Pick<FindingsService, 'report'>) {
    this.#bundles = bundles;
    this.#executor = executor;
    this.#findings = findings;
  }

  async check(
    tx: Readonly<RecordBatchTransaction>,
    include: (recorded: Readonly<RecordedReading>) => boolean = () => true,
  ): Promise<CheckResult> {
    const started = performance.now();
    const result: CheckResult = { ...emptyTally(), findingIds: [], elapsedMs: 0 };
    const byFingerprint = new Map<string, RecordedReading[]>();
    for (const recorded of tx.recorded.filter(include)) {
      result.checked += 1;
      if (!(await this.#digestMatches(tx, recorded, result))) {
        result.rawDataMismatches += 1;
        continue;
      }
      const group = byFingerprint.get(recorded.record.lrFingerprint) ?? [];
      group.push(recorded);
      byFingerprint.set(recorded.record.lrFingerprint, group);
    }
    for (const [fingerprint, group] of byFingerprint) {
      const verdicts = await this.#reexecute(tx, fingerprint, group, result);
      for (const verdict of verdicts) {
        result[verdict] += 1;
      }
    }
    result.elapsedMs = performance.now() - started;
    return result;
  }

  async #digestMatches(
    tx: Readonly<TransactionPlace>,
    recorded: Readonly<RecordedReading>,
    result: CheckResult,
  ): Promise<boolean> {
    const { reading, record } = recorded;
    const computedDigest = readingDigestOf(reading);
    if (
      computedDigest === record.readingDigest &&
      reading.meterId === record.meterId &&
      reading.seq === record.seq
    ) {
      return true;
    }
    await this.#report(result, {
      subject: `meter:${record.meterId}`,
      category: 'raw-data-mismatch',
      severity: 'critical',
      summary: `the raw reading of ${record.meterId} seq ${String(record.seq)} in tx ${tx.txId} does not match its recorded digest`,
      evidence: {
        ...placeOf(tx, recorded),
        ledgerDigest: record.readingDigest,
        computedDigest,
        rawMeterId: reading.meterId,
        rawSeq: reading.seq,
      },
    });
    return false;
  }

  async #reexecute(
    tx: Readonly<TransactionPlace>,
    fingerprint: string,
    group: readonly RecordedReading[],
    result: CheckResult,
  ): Promise<Verdict[]> {
    const lookup = this.#bundles.lookup(fingerprint);
    if (!lookup.ok) {
      // Software nobody can re-execute is, for the audit, software no notified body approved a known build of.
      for (const recorded of group) {
        await this.#report(
          result,
          {
            subject: `meter:${recorded.record.meterId}`,
            category: 'lr-not-approved',
            severity: 'critical',
            summary: `a record names LR software ${fingerprint.slice(0, 16)}… that the audit cannot load (${lookup.reason})`,
            evidence: { ...placeOf(tx, recorded), reason: lookup.reason, detail: lookup.detail },
          },
          `${fingerprint}:${lookup.reason}`,
        );
      }
      return group.map(() => 'unknownBundles');
    }
    const outputs = await this.#executor.run(
      lookup.bundle,
      group.map(({ reading }) => ({ kind: reading.kind, payload: reading.payload })),
    );
    const verdicts: Verdict[] = [];
    for (const [index, recorded] of group.entries()) {
      verdicts.push(await this.#compare(tx, recorded, outputs[index], result));
    }
    return verdicts;
  }

  async #compare(
    tx: Readonly<TransactionPlace>,
    recorded: Readonly<RecordedReading>,
    output: LrOutput | undefined,
    result: CheckResult,
  ): Promise<Verdict> {
    const reexecutedValue = output?.ok === true ? output.result : output;
    const ledgerValue = output?.ok === true ? ledgerLrValue(recorded, output.result) : recorded.record.result;
    if (output?.ok === true && canonicalJson(ledgerValue) === canonicalJson(output.result)) {
      return 'matched';
    }
    const { record } = recorded;
    await this.#report(result, {
      subject: `meter:${record.meterId}`,
      category: 'lr-mismatch',
      severity: 'critical',
      summary: `re-executing ${record.meterId} seq ${String(record.seq)} (tx ${tx.txId}) with its named LR gives another result`,
      evidence: {
        ...placeOf(tx, recorded),
        ledgerValue: recorded.record.result,
        reexecutedValue: reexecutedValue ?? null,
      },
    });
    return 'lrMismatches';
  }

  async #report(result: CheckResult, input: FindingInput, dedupe?: string): Promise<void> {
    const evidence = input.evidence as { txId: string; seq: number };
    const finding = await this.#findings.report(input, {
      dedupeKey: dedupe ?? `${evidence.txId}:${String(evidence.seq)}`,
    });
    if (finding !== undefined) {
      result.findingIds.push(finding.findingId);
    }
  }
}

function placeOf(
  tx: Readonly<TransactionPlace>,
  recorded: Readonly<RecordedReading>,
): Record<string, unknown> {
  return {
    txId: tx.txId,
    blockNumber: tx.blockNumber,
    chaincode: tx.chaincode,
    meterId: recorded.record.meterId,
    seq: recorded.record.seq,
    lrFingerprint: recorded.record.lrFingerprint,
  };
}
