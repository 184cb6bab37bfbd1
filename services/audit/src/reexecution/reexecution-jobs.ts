import { randomUUID } from 'node:crypto';
import {
  AuditReexecutionErrorCode,
  type MeasurementRecord,
  type ReexecutionJob,
  type ReexecutionRequest,
} from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import type { LedgerBlocks } from '../block-feed/ledger-blocks';
import { type ReexecutionChecker, addTally, emptyTally } from './reexecution-checker';
import { recordBatchOf } from './recorded-readings';

/** The measurement records of a meter, as the ledger holds them. */
export interface MeasurementSource {
  queryMeasurements(request: {
    meterId: string;
    afterSeq?: number;
    limit?: number;
  }): Promise<{ measurements: MeasurementRecord[]; nextAfterSeq?: number }>;
}

export interface ReexecutionJobsOptions {
  checker: ReexecutionChecker;
  measurements: MeasurementSource;
  blocks: Pick<LedgerBlocks, 'blockByTxId'>;
  /** Jobs kept for GET; older ones are dropped. */
  keep?: number;
  now?: () => Date;
}

const PAGE = 500;

/**
 * On-demand re-execution of one meter's seq range: the ledger's records name their transactions; each transaction's
 * block is read once (qscc) and its readings in the range are checked as the continuous check does.
 */
export class ReexecutionJobs {
  readonly #options: ReexecutionJobsOptions;
  readonly #jobs = new Map<string, ReexecutionJob>();

  constructor(options: ReexecutionJobsOptions) {
    this.#options = options;
  }

  start(request: Readonly<ReexecutionRequest>, requestedBy: string): ReexecutionJob {
    const job: ReexecutionJob = {
      jobId: randomUUID(),
      ...request,
      status: 'running',
      requestedBy,
      requestedAt: this.#now(),
      ...emptyTally(),
      findings: [],
    };
    this.#jobs.set(job.jobId, job);
    this.#trim();
    void this.#run(job);
    return { ...job };
  }

  get(jobId: string): ReexecutionJob {
    const job = this.#jobs.get(jobId);
    if (job === undefined) {
      throw new DomainError({
        code: AuditReexecutionErrorCode.REEXECUTION_UNKNOWN,
        message: `no re-execution job ${jobId} (or it is no longer kept)`,
        details: { jobId },
      });
    }
    return { ...job, findings: [...job.findings] };
  }

  /** Newest first. */
  recent(): ReexecutionJob[] {
    return [...this.#jobs.values()].reverse().map((job) => ({ ...job, findings: [...job.findings] }));
  }

  async #run(job: ReexecutionJob): Promise<void> {
    try {
      const txIds = await this.#transactionsOf(job);
      for (const txId of txIds) {
        const block = await this.#options.blocks.blockByTxId(txId);
        const decoded = block.transactions.find((tx) => tx.txId === txId);
        const tx = decoded === undefined ? undefined : recordBatchOf(decoded, block.number);
        if (tx === undefined) {
          continue;
        }
        const result = await this.#options.checker.check(
          tx,
          ({ record }) => record.meterId === job.meterId && record.seq >= job.from && record.seq <= job.to,
        );
        addTally(job, result);
        job.findings.push(...result.findingIds);
      }
      job.status = 'done';
    } catch (error) {
      job.status = 'failed';
      job.error = String(error);
    }
    job.finishedAt = this.#now();
  }

  /** The distinct transactions that recorded the meter's seqs in the range, in seq order. */
  async #transactionsOf(job: Readonly<ReexecutionJob>): Promise<string[]> {
    const txIds = new Set<string>();
    let afterSeq: number | undefined = job.from > 0 ? job.from - 1 : undefined;
    for (;;) {
      const page = await this.#options.measurements.queryMeasurements({
        meterId: job.meterId,
        ...(afterSeq === undefined ? {} : { afterSeq }),
        limit: PAGE,
      });
      for (const record of page.measurements) {
        if (record.seq >= job.from && record.seq <= job.to) {
          txIds.add(record.txId);
        }
      }
      const last = page.measurements.at(-1)?.seq;
      if (page.nextAfterSeq === undefined || last === undefined || last >= job.to) {
        return [...txIds];
      }
      afterSeq = page.nextAfterSeq;
    }
  }

  #trim(): void {
    const keep = this.#options.keep ?? 100;
    for (const jobId of this.#jobs.keys()) {
      if (this.#jobs.size <= keep) {
        return;
      }
      this.#jobs.delete(jobId);
    }
  }

  #now(): string {
    return (this.#options.now?.() ?? new Date()).toISOString();
  }
}
