import { h } from './dom';

const CELL_MAX = 160;

function cellText(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  const text =
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : JSON.stringify(value);
  return text.length > CELL_MAX ? `${text.slice(0, CELL_MAX)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A table of objects: one column per key seen (in order of first appearance). */
export function objectTable(rows: readonly unknown[], testId = 'table'): HTMLElement {
  if (rows.length === 0) {
    return h('p', { class: 'empty', 'data-testid': testId }, 'none');
  }
  const columns = [...new Set(rows.flatMap((row) => (isRecord(row) ? Object.keys(row) : ['value'])))];
  return h(
    'table',
    { 'data-testid': testId },
    h('thead', {}, h('tr', {}, ...columns.map((column) => h('th', {}, column)))),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h('tr', {}, ...columns.map((column) => h('td', {}, cellText(isRecord(row) ? row[column] : row)))),
      ),
    ),
  );
}

/**
 * Any JSON an API answered, generically: an array of objects is a table; an object with array fields shows its
 * scalar fields as a list and each array as a table; anything else as text.
 */
export function genericView(data: unknown, testId = 'generic'): HTMLElement {
  if (Array.isArray(data)) {
    return objectTable(data, testId);
  }
  if (!isRecord(data)) {
    return h('pre', { 'data-testid': testId }, cellText(data));
  }
  const scalars = Object.entries(data).filter(([, value]) => !Array.isArray(value));
  const arrays = Object.entries(data).filter((entry): entry is [string, unknown[]] =>
    Array.isArray(entry[1]),
  );
  return h(
    'div',
    { 'data-testid': testId },
    scalars.length === 0
      ? null
      : h('dl', {}, ...scalars.flatMap(([key, value]) => [h('dt', {}, key), h('dd', {}, cellText(value))])),
    ...arrays.flatMap(([key, rows]) => [h('h4', {}, key), objectTable(rows, `${testId}-${key}`)]),
  );
}
