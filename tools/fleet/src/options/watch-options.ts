import { positiveNumberOption, urlOption } from '@metrochain/tool-kit';
import { parseOptions } from '@metrochain/tool-kit';

/** The command line of `metrochain-fleet watch`, validated. */
export interface WatchOptions {
  measurementUrl: string | undefined;
  networkFile: string | undefined;
  intervalS: number;
  /** Print one sample and exit. */
  once: boolean;
  json: boolean;
}

export const WATCH_OPTIONS = {
  'measurement-url': { type: 'string' },
  'network-file': { type: 'string' },
  'interval-s': { type: 'string' },
  once: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

export const WATCH_USAGE = `metrochain-fleet watch [options]

Polls the measurement service's GET /stats and shows readings accepted, verified, recorded and rejected per second
and in total, and the latest measurements. On a terminal the block is redrawn in place; otherwise plain lines.

  --measurement-url <url>  measurement service (default: the network file's, http://127.0.0.1:3003)
  --network-file <path>    connection file (default: $METROCHAIN_NETWORK_FILE, .devnet/network.json)
  --interval-s <s>         seconds between polls, default 2
  --once                   print one sample and exit
  --json                   one JSON object per sample (the /stats answer) instead of text`;

export function parseWatchOptions(argv: readonly string[]): WatchOptions {
  const values = parseOptions(argv, WATCH_OPTIONS);
  return {
    measurementUrl: urlOption(values['measurement-url'], 'measurement-url'),
    networkFile: values['network-file'] === '' ? undefined : values['network-file'],
    intervalS: positiveNumberOption(values['interval-s'], 'interval-s', 3600) ?? 2,
    once: values.once ?? false,
    json: values.json ?? false,
  };
}
