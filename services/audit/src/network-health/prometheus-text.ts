/** One sample of the Prometheus text exposition format: a metric name, its labels and its value. */
export interface MetricSample {
  name: string;
  labels: Readonly<Record<string, string>>;
  value: number;
}

// Parsed by hand: the operations endpoints of Fabric peers and orderers serve the plain text format (version 0.0.4),
// and reading a handful of gauges needs about thirty lines, not a client library with a registry.
const SAMPLE_LINE = /^([A-Za-z_:][A-Za-z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/;
const LABEL = /([A-Za-z_][A-Za-z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?\s*/gy;

/** Parses the text format; comment lines and lines it cannot read are skipped. */
export function parsePrometheusText(text: string): MetricSample[] {
  const samples: MetricSample[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) {
      continue;
    }
    const match = SAMPLE_LINE.exec(line);
    const [, name, labelText, valueText] = match ?? [];
    const labels = parseLabels(labelText ?? '');
    const value = parseValue(valueText ?? '');
    if (name !== undefined && labels !== undefined && value !== undefined) {
      samples.push({ name, labels, value });
    }
  }
  return samples;
}

function parseLabels(text: string): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  let consumed = 0;
  for (let match = LABEL.exec(text); match !== null; match = LABEL.exec(text)) {
    const [whole, key, value] = match;
    labels[key ?? ''] = unescape(value ?? '');
    consumed += whole.length;
  }
  return consumed === text.trim().length ? labels : undefined;
}

function unescape(value: string): string {
  return value.replace(/\\(.)/g, (_, char: string) => (char === 'n' ? '\n' : char));
}

function parseValue(text: string): number | undefined {
  switch (text) {
    case '+Inf':
      return Infinity;
    case '-Inf':
      return -Infinity;
    case 'NaN':
      return NaN;
    default: {
      const value = Number(text);
      return text === '' || Number.isNaN(value) ? undefined : value;
    }
  }
}

/** The value of the first sample of `name` whose labels include `labels`; undefined when there is none. */
export function sampleValue(
  samples: readonly MetricSample[],
  name: string,
  labels: Readonly<Record<string, string>> = {},
): number | undefined {
  const wanted = Object.entries(labels);
  return samples.find(
    (sample) => sample.name === name && wanted.every(([key, value]) => sample.labels[key] === value),
  )?.value;
}
