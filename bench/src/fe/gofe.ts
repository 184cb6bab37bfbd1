import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '@metrochain/devnet';

/** What bench/gofe prints: GoFE's DDH scheme (simple.NewDDHPrecomp, 2048-bit group) on our readings. */
export interface GofeResult {
  constructor: string;
  modulusBits: number;
  length: number;
  bound: number;
  setupMs: number;
  encryptMs: number;
  deriveKeyMs: number;
  decryptMs: number;
  ciphertextBytes: number;
  innerProduct: string;
  expected: string;
}

const NUMBERS = [
  'modulusBits',
  'length',
  'bound',
  'setupMs',
  'encryptMs',
  'deriveKeyMs',
  'decryptMs',
  'ciphertextBytes',
];

function parseGofeResult(text: string): GofeResult {
  const value: unknown = JSON.parse(text);
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const missing = NUMBERS.filter((key) => typeof record[key] !== 'number');
  if (missing.length > 0 || typeof record['innerProduct'] !== 'string') {
    throw new Error(`bench/gofe printed an unexpected result (missing ${missing.join(', ')})`);
  }
  return value as GofeResult;
}

const GO_CACHE = path.join(homedir(), '.cache', 'metrochain', 'go');
const BINARY = path.join(GO_CACHE, 'bin', 'gofe-bench');

function goEnvironment(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GOMODCACHE: path.join(GO_CACHE, 'mod'),
    GOCACHE: path.join(GO_CACHE, 'build'),
    GOFLAGS: '-mod=mod',
    GOTOOLCHAIN: 'local',
  };
}

/** Builds the harness once into ~/.cache/metrochain/go/bin (go caches modules and objects beside it). */
export function buildGofe(): string | undefined {
  mkdirSync(path.dirname(BINARY), { recursive: true });
  const build = spawnSync('go', ['build', '-o', BINARY, '.'], {
    cwd: path.join(REPO_ROOT, 'bench', 'gofe'),
    env: goEnvironment(),
    encoding: 'utf8',
  });
  if (build.error !== undefined || build.status !== 0) {
    return `go build failed: ${build.error?.message ?? build.stderr.trim()}`;
  }
  return undefined;
}

/** Runs GoFE on `days` days of readings with the same weights each day; undefined after `timeoutMs`. */
export function runGofe(
  readings: readonly (readonly number[])[],
  weights: readonly number[],
  timeoutMs: number,
): GofeResult | undefined {
  const input = JSON.stringify({ readings: readings.flat(), weights, days: readings.length });
  const run = spawnSync(BINARY, [], { input, encoding: 'utf8', timeout: timeoutMs, env: goEnvironment() });
  if (run.status !== 0) return undefined;
  return parseGofeResult(run.stdout);
}
