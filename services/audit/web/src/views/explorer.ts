import { errorText, getJson } from '../lib/api';
import { byId, h, replace, short } from '../lib/dom';
import { objectTable } from '../lib/table';
import type { BlockSummary, TxDetail } from './types';

/** A block's row in the latest-blocks table; clicking the number opens the block. */
export function blockRow(block: BlockSummary): HTMLTableRowElement {
  const valid = block.transactions.filter((tx) => tx.validationCode === 'VALID').length;
  const open = h('a', { href: `#block/${block.number}`, 'data-testid': 'block-link' }, block.number);
  return h(
    'tr',
    { 'data-block': String(block.number), 'data-txs': String(block.transactions.length) },
    h('td', {}, open),
    h('td', {}, block.timestamp),
    h('td', {}, block.transactions.length),
    h('td', {}, valid),
    h('td', { title: block.headerHash }, short(block.headerHash)),
    h('td', {}, block.dataHashValid ? 'ok' : 'MISMATCH'),
  );
}

export function blocksTable(blocks: readonly BlockSummary[]): HTMLTableElement {
  return h(
    'table',
    { id: 'latest-blocks' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...['block', 'time', 'txs', 'valid', 'header hash', 'data hash'].map((t) => h('th', {}, t)),
      ),
    ),
    h('tbody', {}, ...blocks.map(blockRow)),
  );
}

function field(testId: string, label: string, value: string | number): HTMLElement[] {
  return [h('dt', {}, label), h('dd', { 'data-testid': testId }, value)];
}

export function txDetailView(tx: TxDetail): HTMLElement {
  return h(
    'div',
    { id: 'tx-detail', 'data-txid': tx.txId },
    h('h3', {}, 'Transaction'),
    h(
      'dl',
      {},
      ...field('tx-id', 'id', tx.txId),
      ...field('tx-block', 'block', tx.blockNumber),
      ...field('tx-type', 'type', tx.type),
      ...field('tx-validation', 'validation', tx.validationCode),
      ...field('tx-creator', 'creator', tx.creatorMsp),
      ...field('tx-function', 'function', `${tx.chaincode ?? ''} ${tx.function ?? ''}`),
      ...field('tx-endorsers', 'endorsements', tx.endorsers.join(', ')),
      ...field('tx-time', 'time', tx.timestamp),
      ...field('tx-status', 'response status', tx.responseStatus ?? ''),
    ),
    h('h4', {}, 'arguments'),
    ...tx.args.map((arg) => h('pre', { class: 'arg' }, arg)),
    h('h4', {}, 'response'),
    h('pre', { class: 'arg' }, tx.responsePayload ?? ''),
    h('h4', {}, 'events'),
    objectTable(tx.events, 'tx-events'),
  );
}

function blockView(block: BlockSummary): HTMLElement {
  return h(
    'div',
    { id: 'block-detail', 'data-block': String(block.number) },
    h('h3', {}, `Block ${block.number}`),
    h(
      'dl',
      {},
      ...field('block-hash', 'header hash', block.headerHash),
      ...field('block-prev', 'previous', block.previousHash),
    ),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h('tr', {}, ...['tx', 'type', 'function', 'validation', 'endorsers'].map((t) => h('th', {}, t))),
      ),
      h(
        'tbody',
        {},
        ...block.transactions.map((tx) =>
          h(
            'tr',
            {},
            h('td', {}, h('a', { href: `#tx/${tx.txId}` }, short(tx.txId, 16))),
            h('td', {}, tx.type),
            h('td', {}, tx.function ?? ''),
            h('td', {}, tx.validationCode),
            h('td', {}, tx.endorsers.join(', ')),
          ),
        ),
      ),
    ),
  );
}

/** Search by block number or transaction id; also what `#block/<n>` and `#tx/<id>` open. */
export async function showSearch(query: string): Promise<void> {
  const target = byId('search-result');
  replace(target, 'searching…');
  const answer = await getJson<
    { kind: 'block'; block: BlockSummary } | { kind: 'transaction'; transaction: TxDetail }
  >(`/api/explorer/search?q=${encodeURIComponent(query.trim())}`);
  if (!answer.ok) {
    replace(target, h('p', { class: 'error', 'data-testid': 'search-error' }, errorText(answer)));
    return;
  }
  replace(
    target,
    answer.body.kind === 'block' ? blockView(answer.body.block) : txDetailView(answer.body.transaction),
  );
}
