import type { FindingView, NetworkComparison, NetworkPeers, NetworkRaft } from '@metrochain/contracts';
import { AuditNetworkPaths } from '@metrochain/contracts';
import { bearer, tokenOf } from './principals';

export const AUDIT_URL = 'http://127.0.0.1:3005';

export interface AuditAnswer<T> {
  status: number;
  body: T;
}

/** GET on the audit service as `token`'s principal (anonymous without), answer parsed as JSON. */
export async function auditGet<T>(path: string, token: string | undefined): Promise<AuditAnswer<T>> {
  const response = await fetch(`${AUDIT_URL}${path}`, { headers: bearer(token) });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? {} : JSON.parse(text)) as T };
}

/** The PTB auditor's reads of the network views and the findings. */
export class AuditorReads {
  readonly #token = tokenOf('auditor-ptb');

  async peers(): Promise<NetworkPeers> {
    return (await auditGet<NetworkPeers>(AuditNetworkPaths.peers, this.#token)).body;
  }

  async comparison(): Promise<NetworkComparison> {
    return (await auditGet<NetworkComparison>(AuditNetworkPaths.comparison, this.#token)).body;
  }

  async raft(): Promise<NetworkRaft> {
    return (await auditGet<NetworkRaft>(AuditNetworkPaths.raft, this.#token)).body;
  }

  /** Findings of one category (and subject), newest first. */
  async findings(category: string, subject?: string): Promise<FindingView[]> {
    const query = new URLSearchParams({
      category,
      limit: '100',
      ...(subject === undefined ? {} : { subject }),
    });
    return (await auditGet<FindingView[]>(`/api/findings?${query.toString()}`, this.#token)).body;
  }
}
