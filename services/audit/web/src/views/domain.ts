import { errorText, getJson } from '../lib/api';
import { byId, h, replace } from '../lib/dom';
import { genericView, objectTable } from '../lib/table';

/** Views of APIs built alongside the dashboard: shown generically, "not available" while absent (404). */
export const GENERIC_VIEWS: readonly { id: string; title: string; path: string }[] = [
  { id: 'approvals', title: 'LR software approvals', path: '/api/software-approvals' },
  { id: 'findings', title: 'Findings', path: '/api/findings?limit=100' },
  { id: 'peers', title: 'Peers', path: '/api/network/peers' },
  { id: 'comparison', title: 'Cross-NMI comparison', path: '/api/network/comparison' },
  { id: 'raft', title: 'Raft', path: '/api/network/raft' },
  { id: 'reexecutions', title: 'Re-executions', path: '/api/reexecutions' },
  { id: 'surveillance', title: 'Surveillance rates', path: '/api/surveillance/rates' },
  { id: 'traces', title: 'Traces', path: '/api/traces' },
];

export async function loadGeneric(id: string, path: string): Promise<void> {
  const target = byId(`${id}-body`);
  replace(target, 'loading…');
  const answer = await getJson(path);
  if (answer.status === 404) {
    replace(target, h('p', { class: 'empty', 'data-testid': `${id}-unavailable` }, 'not available'));
    return;
  }
  replace(
    target,
    answer.ok ? genericView(answer.body, `${id}-view`) : h('p', { class: 'error' }, errorText(answer)),
  );
}

export async function showTrace(traceId: string): Promise<void> {
  const target = byId('traces-body');
  const answer = await getJson(`/api/traces/${encodeURIComponent(traceId.trim())}`);
  replace(
    target,
    answer.status === 404
      ? h('p', { class: 'empty' }, 'not available')
      : answer.ok
        ? genericView(answer.body, 'trace-view')
        : h('p', { class: 'error' }, errorText(answer)),
  );
}

interface MeterRecord {
  meterId: string;
  model: unknown;
  status: string;
  keyFingerprint: string;
  keyHistory: unknown[];
  attestations: unknown[];
  activatedAt?: string;
  revocation?: Record<string, unknown>;
}

/** A meter's registry record: keys over time, attestations by NMI, revocation. */
export async function showMeter(meterId: string): Promise<void> {
  const target = byId('meter-body');
  const answer = await getJson<MeterRecord>(`/api/meters/${encodeURIComponent(meterId.trim())}`);
  if (!answer.ok) {
    replace(target, h('p', { class: 'error' }, errorText(answer)));
    return;
  }
  const meter = answer.body;
  replace(
    target,
    h(
      'dl',
      { 'data-testid': 'meter-record' },
      h('dt', {}, 'meter'),
      h('dd', {}, meter.meterId),
      h('dt', {}, 'status'),
      h('dd', { 'data-testid': 'meter-status' }, meter.status),
      h('dt', {}, 'model'),
      h('dd', {}, JSON.stringify(meter.model)),
      h('dt', {}, 'activated'),
      h('dd', {}, meter.activatedAt ?? ''),
    ),
    h('h4', {}, 'keys'),
    objectTable(meter.keyHistory, 'meter-keys'),
    h('h4', {}, 'attestations'),
    objectTable(meter.attestations, 'meter-attestations'),
    h('h4', {}, 'revocation'),
    meter.revocation === undefined ? h('p', {}, 'none') : genericView(meter.revocation, 'meter-revocation'),
  );
}

const STREAM_ROWS = 50;

function textOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
let stream: EventSource | undefined;

/** The verification service's live stream, relayed by the audit service (newest first, last 50). */
export function openVerificationStream(): void {
  if (stream !== undefined) {
    return;
  }
  const list = byId('verification-list');
  stream = new EventSource('/api/verifications/stream');
  stream.addEventListener('verification', (event) => {
    const record = JSON.parse((event as MessageEvent<string>).data) as Record<string, unknown>;
    const id = typeof record['verificationId'] === 'string' ? record['verificationId'] : '';
    list.prepend(
      h(
        'li',
        { 'data-verification': id },
        `${textOf(record['checkedAt'])} ${textOf(record['meterId'])} ${textOf(record['outcome'])} `,
        h('a', { href: `#proof/${id}` }, 'proof'),
      ),
    );
    while (list.children.length > STREAM_ROWS) {
      list.lastElementChild?.remove();
    }
  });
  stream.addEventListener('unavailable', () => {
    byId('verification-status').textContent = 'the verification stream is not available';
  });
}
