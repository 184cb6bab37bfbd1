import uPlot from 'uplot';
import { getJson } from '../lib/api';
import { byId, h, replace } from '../lib/dom';
import { objectTable } from '../lib/table';
import { blockRow, blocksTable } from './explorer';
import type { BlockSummary, Rates, Summary } from './types';

const LATEST = 10;
let chart: uPlot | undefined;

function counter(id: string, label: string, value: number): HTMLElement {
  return h(
    'div',
    { class: 'counter' },
    h('span', { class: 'label' }, label),
    h('span', { id, class: 'value' }, value),
  );
}

export async function refreshSummary(): Promise<void> {
  const answer = await getJson<Summary>('/api/explorer/summary');
  if (!answer.ok) {
    return;
  }
  const s = answer.body;
  const counters = byId('counters');
  counters.dataset['indexedHeight'] = String(s.indexedHeight);
  replace(
    counters,
    counter('count-height', `height (${s.channel})`, s.height),
    counter('count-blocks', 'blocks indexed', s.blocks),
    counter('count-txs', 'transactions', s.transactions),
    counter('count-valid', 'valid', s.valid),
    counter('count-invalid', 'invalid', s.invalid),
  );
}

export async function refreshLatest(): Promise<void> {
  const answer = await getJson<BlockSummary[]>(`/api/explorer/blocks?limit=${LATEST}`);
  if (answer.ok) {
    replace(byId('latest'), blocksTable(answer.body));
  }
}

/** A new block from the stream: on top of the table, the oldest row drops out. */
export function addLiveBlock(block: BlockSummary): void {
  const body = document.querySelector('#latest-blocks tbody');
  if (body === null || body.querySelector(`tr[data-block="${block.number}"]`) !== null) {
    return;
  }
  const top = Number(body.firstElementChild?.getAttribute('data-block') ?? -1);
  if (top >= 0 && block.number !== top + 1) {
    // A block was missed (stream reconnected): read the list again rather than show a gap.
    void refreshLatest();
    return;
  }
  body.prepend(blockRow(block));
  while (body.children.length > LATEST) {
    body.lastElementChild?.remove();
  }
}

export async function refreshRates(): Promise<void> {
  const answer = await getJson<Rates>('/api/explorer/rates');
  if (!answer.ok) {
    return;
  }
  const minutes = answer.body.perMinute;
  const data: uPlot.AlignedData = [
    minutes.map((bucket) => Date.parse(bucket.start) / 1000),
    minutes.map((bucket) => bucket.transactions),
  ];
  const target = byId('rate-chart');
  if (chart === undefined) {
    chart = new uPlot(
      {
        width: 640,
        height: 180,
        series: [{}, { label: 'tx/min', stroke: '#1f6feb', fill: 'rgba(31,111,235,0.15)' }],
      },
      data,
      target,
    );
  } else {
    chart.setData(data);
  }
  const hours = answer.body.perHour.filter((bucket) => bucket.transactions > 0);
  replace(
    byId('rate-hours'),
    objectTable(
      hours.map((b) => ({ hour: b.start, transactions: b.transactions })),
      'rate-hours-table',
    ),
  );
}

export async function refreshChaincodes(): Promise<void> {
  const answer = await getJson<unknown[]>('/api/explorer/chaincodes');
  replace(
    byId('chaincodes'),
    answer.ok ? objectTable(answer.body, 'chaincodes-table') : h('p', {}, 'not available'),
  );
}
