export interface Row {
  metric: string;
  measured: string;
  target: string;
  baseline: string;
}

/** A plain-text table, columns padded to their widest cell. */
export function formatTable(rows: readonly Row[]): string {
  const header: Row = { metric: 'metric', measured: 'measured', target: 'target', baseline: 'baseline' };
  const all = [header, ...rows];
  const keys = ['metric', 'measured', 'target', 'baseline'] as const;
  const widths = keys.map((key) => Math.max(...all.map((row) => row[key].length)));
  const line = (row: Row): string => keys.map((key, i) => row[key].padEnd(widths[i] ?? 0)).join(' | ');
  const rule = widths.map((width) => '-'.repeat(width)).join('-|-');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export function rate(value: number): string {
  return `${Math.round(value).toLocaleString('en-US')}/s`;
}
