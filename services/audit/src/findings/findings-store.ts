import type { AuditFindingsV1, FindingView } from '@metrochain/contracts';
import type { Redis } from 'ioredis';

/** How much of the findings history Redis keeps; the full history is the audit.findings.v1 topic. */
export interface FindingsRetention {
  /** Findings kept per index (all, and each category); older ones are dropped from the index and expire. */
  maxFindings: number;
  /** Seconds a finding's body lives. */
  ttlSeconds: number;
}

export const DEFAULT_FINDINGS_RETENTION: FindingsRetention = {
  maxFindings: 100_000,
  ttlSeconds: 90 * 86_400,
};

const BODY = (findingId: string): string => `audit:finding:${findingId}`;
const INDEX_ALL = 'audit:findings';
const INDEX_CATEGORY = (category: string): string => `audit:findings:category:${category}`;
const INDEX_SUBJECT = (subject: string): string => `audit:findings:subject:${subject}`;
const OPEN = (openKey: string): string => `audit:findings:open:${openKey}`;

/** What FindingsService needs from its store (FindingsStore in Redis; a fake in unit tests). */
export interface FindingsStorePort {
  claimOpen(openKey: string, findingId: string, ttlSeconds: number): Promise<boolean>;
  releaseOpen(openKey: string, findingId: string): Promise<void>;
  takeOpen(openKey: string): Promise<string | undefined>;
  save(finding: AuditFindingsV1): Promise<void>;
  get(findingId: string): Promise<FindingView | undefined>;
  list(filter: { category?: string; subject?: string; limit: number }): Promise<FindingView[]>;
}

/**
 * Findings in Redis: each body under its id with a TTL, and sorted sets (score = detection time) over all findings,
 * per category and per subject, each capped. An "open" key per (category, subject, dedupe key) remembers the
 * finding not yet resolved, so a detector that keeps seeing the same problem reports it once.
 */
export class FindingsStore implements FindingsStorePort {
  readonly #redis: Redis;
  readonly #retention: FindingsRetention;

  constructor(redis: Redis, retention: FindingsRetention = DEFAULT_FINDINGS_RETENTION) {
    this.#redis = redis;
    this.#retention = retention;
  }

  /** Claims the open slot for `openKey`; false when a finding for it is already open. */
  async claimOpen(openKey: string, findingId: string, ttlSeconds: number): Promise<boolean> {
    const set = await this.#redis.set(OPEN(openKey), findingId, 'EX', ttlSeconds, 'NX');
    return set === 'OK';
  }

  /** Gives the slot up again (the finding could not be published). */
  async releaseOpen(openKey: string, findingId: string): Promise<void> {
    const current = await this.#redis.get(OPEN(openKey));
    if (current === findingId) {
      await this.#redis.del(OPEN(openKey));
    }
  }

  /** The open finding's id for `openKey`, removing the slot. */
  async takeOpen(openKey: string): Promise<string | undefined> {
    const findingId = await this.#redis.getdel(OPEN(openKey));
    return findingId ?? undefined;
  }

  async save(finding: AuditFindingsV1): Promise<void> {
    const score = Date.parse(finding.detectedAt);
    const { maxFindings, ttlSeconds } = this.#retention;
    const indexes = [INDEX_ALL, INDEX_CATEGORY(finding.category), INDEX_SUBJECT(finding.subject)];
    const multi = this.#redis.multi().set(BODY(finding.findingId), JSON.stringify(finding), 'EX', ttlSeconds);
    for (const index of indexes) {
      multi.zadd(index, score, finding.findingId).zremrangebyrank(index, 0, -(maxFindings + 1));
      multi.expire(index, ttlSeconds);
    }
    if (finding.resolves !== undefined) {
      multi.set(`${BODY(finding.resolves)}:resolvedBy`, finding.findingId, 'EX', ttlSeconds);
    }
    await multi.exec();
  }

  async get(findingId: string): Promise<FindingView | undefined> {
    const [body, resolvedBy] = await this.#redis.mget(BODY(findingId), `${BODY(findingId)}:resolvedBy`);
    if (body === null || body === undefined) {
      return undefined;
    }
    const finding = JSON.parse(body) as AuditFindingsV1;
    return resolvedBy === null || resolvedBy === undefined ? finding : { ...finding, resolvedBy };
  }

  /** Newest first from one index (all, a category or a subject). */
  async list(filter: { category?: string; subject?: string; limit: number }): Promise<FindingView[]> {
    const index =
      filter.subject !== undefined
        ? INDEX_SUBJECT(filter.subject)
        : filter.category !== undefined
          ? INDEX_CATEGORY(filter.category)
          : INDEX_ALL;
    // A subject index may hold other categories: read a few more and filter.
    const scan =
      filter.subject !== undefined && filter.category !== undefined ? filter.limit * 4 : filter.limit;
    const ids = await this.#redis.zrevrange(index, 0, scan - 1);
    const views = await Promise.all(ids.map((findingId) => this.get(findingId)));
    return views
      .filter((view): view is FindingView => view !== undefined)
      .filter((view) => filter.category === undefined || view.category === filter.category)
      .slice(0, filter.limit);
  }
}
