import { type MetricSample, parsePrometheusText } from './prometheus-text';

/** Reads one node's Prometheus metrics; fails when it does not answer within the timeout. */
export type ScrapeMetrics = (url: string, timeoutMs: number) => Promise<MetricSample[]>;

/** `http://host:port/metrics` of an operations endpoint (plain HTTP, as Fabric's operations service serves it). */
export function metricsUrl(operationsEndpoint: string | undefined): string | undefined {
  return operationsEndpoint === undefined ? undefined : `http://${operationsEndpoint}/metrics`;
}

export const scrapeMetrics: ScrapeMetrics = async (url, timeoutMs) => {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) {
    throw new Error(`${url} answered HTTP ${String(response.status)}`);
  }
  return parsePrometheusText(await response.text());
};
