import { randomUUID } from 'node:crypto';
import {
  type AuditFindingCategory,
  type AuditFindingSeverity,
  type AuditFindingsV1,
  AuditErrorCode,
  type FindingView,
  type FindingsQuery,
  auditFindingsV1ValueSchema,
} from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import type { FindingsStorePort } from './findings-store';

/** What a check reports; the service adds the id, the detecting NMI and the time. */
export interface FindingInput {
  /** `<type>:<id>`: meter:m-001, peer:peer1.inmetro.example.com, orderer:orderer2, org:PTBMSP, batch:<id>, tx:<id>. */
  subject: string;
  category: AuditFindingCategory;
  severity: AuditFindingSeverity;
  summary: string;
  /** Tx ids, block numbers, readings, values: what lets an auditor check the finding without the audit service. */
  evidence: Record<string, unknown>;
}

export interface ReportOptions {
  /** Tells apart findings of one category and subject (e.g. a gap's range); the same open key is reported once. */
  dedupeKey?: string;
  /** How long an unresolved finding suppresses its repeats; after that it is reported again as a reminder. */
  openSeconds?: number;
}

export type PublishFinding = (finding: AuditFindingsV1) => Promise<void>;

export interface FindingsServiceOptions {
  store: FindingsStorePort;
  publish: PublishFinding;
  /** MSP id of the NMI whose audit service detects. */
  detectedBy: string;
  now?: () => Date;
  /** Called once per published finding (metrics). */
  onReported?: (finding: AuditFindingsV1) => void;
}

const DEFAULT_OPEN_SECONDS = 86_400;

function openKeyOf(category: string, subject: string, dedupeKey: string | undefined): string {
  return `${category}|${subject}|${dedupeKey ?? ''}`;
}

/**
 * The one way findings leave the audit service: validated against the audit.findings.v1 contract, published (key =
 * subject) and then stored for the API and the dashboard. A problem still open is reported once; `resolve` closes
 * it with an info finding that names it.
 */
export class FindingsService {
  readonly #options: FindingsServiceOptions;

  constructor(options: FindingsServiceOptions) {
    this.#options = options;
  }

  /** The finding as published, or undefined when the same one is still open. */
  async report(input: FindingInput, options: ReportOptions = {}): Promise<AuditFindingsV1 | undefined> {
    const finding = this.#build(input);
    const openKey = openKeyOf(input.category, input.subject, options.dedupeKey);
    const { store } = this.#options;
    if (!(await store.claimOpen(openKey, finding.findingId, options.openSeconds ?? DEFAULT_OPEN_SECONDS))) {
      return undefined;
    }
    try {
      await this.#emit(finding);
    } catch (error) {
      await store.releaseOpen(openKey, finding.findingId);
      throw error;
    }
    return finding;
  }

  /** Closes the open finding of (category, subject, dedupe key); undefined when none is open. */
  async resolve(
    category: AuditFindingCategory,
    subject: string,
    summary: string,
    evidence: Record<string, unknown>,
    options: Pick<ReportOptions, 'dedupeKey'> = {},
  ): Promise<AuditFindingsV1 | undefined> {
    const openId = await this.#options.store.takeOpen(openKeyOf(category, subject, options.dedupeKey));
    if (openId === undefined) {
      return undefined;
    }
    const finding = {
      ...this.#build({ subject, category, severity: 'info', summary, evidence }),
      resolves: openId,
    };
    await this.#emit(finding);
    return finding;
  }

  list(query: FindingsQuery): Promise<FindingView[]> {
    return this.#options.store.list(query);
  }

  async get(findingId: string): Promise<FindingView> {
    const finding = await this.#options.store.get(findingId);
    if (finding === undefined) {
      throw new DomainError({
        code: AuditErrorCode.FINDING_UNKNOWN,
        message: `no finding ${findingId} (or it is older than the retention)`,
        details: { findingId },
      });
    }
    return finding;
  }

  #build(input: FindingInput): AuditFindingsV1 {
    return auditFindingsV1ValueSchema.parse({
      findingId: randomUUID(),
      ...input,
      detectedBy: this.#options.detectedBy,
      detectedAt: (this.#options.now?.() ?? new Date()).toISOString(),
    });
  }

  async #emit(finding: AuditFindingsV1): Promise<void> {
    await this.#options.publish(finding);
    await this.#options.store.save(finding);
    this.#options.onReported?.(finding);
  }
}
