import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { createKafkaClient } from '@metrochain/messaging';
import { defaultNetworkFile } from '@metrochain/config';
import { networkProfile } from './support/network';
import { MANUFACTURER, operatorOf, tokenOf } from './support/principals';

const HERE = path.resolve(__dirname, '..', 'schemathesis');
const CACHE = process.env['METROCHAIN_CACHE'] ?? path.join(homedir(), '.cache', 'metrochain');
const SCHEMATHESIS = path.join(CACHE, 'schemathesis', 'bin', 'schemathesis');
/** The checks the issue names: server errors, undocumented statuses, response schemas, schema-valid requests. */
const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
  'positive_data_acceptance',
].join(',');
const MAX_EXAMPLES = '15';

interface Target {
  label: string;
  url: string;
  token?: string;
}

interface ServiceEntry {
  org: string;
  url: string;
}

/**
 * Every service instance, as the principal whose routes it serves (registration twice: operator, manufacturer;
 * billing twice: utility, customer).
 */
function targets(): Target[] {
  const file = JSON.parse(readFileSync(defaultNetworkFile(), 'utf8')) as {
    services: Record<string, ServiceEntry[]>;
  };
  return Object.entries(file.services).flatMap(([service, instances]) =>
    instances.flatMap((instance): Target[] => {
      const label = `${service}@${instance.org}`;
      if (service === 'registration') {
        return [
          { label: `${label} as its operator`, url: instance.url, token: operatorOf(instance.org) },
          { label: `${label} as a manufacturer`, url: instance.url, token: tokenOf(MANUFACTURER) },
        ];
      }
      if (service === 'billing') {
        return [
          { label: `${label} as a utility`, url: instance.url, token: tokenOf('stadtwerke-nord') },
          { label: `${label} as a customer`, url: instance.url, token: tokenOf('customer-0001') },
        ];
      }
      if (service === 'verification') {
        return [{ label: `${label} as an auditor`, url: instance.url, token: tokenOf('auditor-ptb') }];
      }
      if (service === 'audit') {
        return [
          { label: `${label} anonymous`, url: instance.url },
          { label: `${label} as an auditor`, url: instance.url, token: tokenOf('auditor-ptb') },
        ];
      }
      return [{ label: `${label} anonymous`, url: instance.url }];
    }),
  );
}

interface RunResult {
  code: number | null;
  output: string;
}

function runSchemathesis(target: Target): Promise<RunResult> {
  const args = [
    '--config-file',
    path.join(HERE, 'schemathesis.toml'),
    '--no-color',
    'run',
    `${target.url}/docs-json`,
    '--checks',
    CHECKS,
    '--max-examples',
    MAX_EXAMPLES,
    '--phases',
    'examples,coverage,fuzzing',
    '--seed',
    '20261202',
    ...(target.token === undefined ? [] : ['--header', `Authorization: Bearer ${target.token}`]),
  ];
  return new Promise((resolve, reject) => {
    // Its cache of crashes goes to the working directory: a scratch one, not the repository.
    const cwd = mkdtempSync(path.join(tmpdir(), 'schemathesis-'));
    const child = spawn(SCHEMATHESIS, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, output });
    });
  });
}

/**
 * What to show of a failed run: its FAILURES section (each failing operation, the check and a curl line to replay
 * it) when there is one, otherwise the end of the output; cut to 6,000 characters either way.
 */
function failuresOf(output: string): string {
  const start = output.search(/=+ FAILURES =+/);
  if (start < 0) {
    return output.slice(-6000);
  }
  const section = output.slice(start);
  const end = section.search(/\n=+ (WARNINGS|SUMMARY) =+/);
  return (end < 0 ? section : section.slice(0, end)).slice(0, 6000);
}

/** Readings schemathesis posted, summed over partitions, that `groupId` has not consumed yet. */
async function lag(topic: string, groupId: string): Promise<number> {
  const admin = createKafkaClient({
    clientId: 'it-conformance-lag',
    brokers: networkProfile().kafka.brokers,
  }).admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return ends.reduce((sum, end) => {
      const done = committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? '0';
      return sum + Math.max(0, Number(end.offset) - Math.max(0, Number(done)));
    }, 0);
  } finally {
    await admin.disconnect();
  }
}

/**
 * schemathesis posts thousands of well-formed readings of meters nobody registered; the verification pipeline rejects
 * each after a registry look-up. The test waits until it has worked through them, so that the tests after it find a
 * pipeline that answers at its usual pace.
 */
async function untilPipelineDrained(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const behind = await lag('readings.received.v1', 'verification');
    if (behind === 0) {
      return;
    }
    assert.ok(Date.now() < deadline, `the verification pipeline is still ${String(behind)} readings behind`);
    await delay(2_000);
  }
}

describe('every service’s OpenAPI document holds (schemathesis against the running services)', () => {
  after(() => untilPipelineDrained(300_000));
  for (const target of targets()) {
    it(`${target.label}: no server error, undocumented status or content type, bad response, or refused valid request`, async () => {
      const { code, output } = await runSchemathesis(target);
      const cases = /(\d+) generated/.exec(output)?.[1] ?? '0';
      console.log(`schemathesis ${target.label}: ${cases} cases`);
      assert.equal(code, 0, failuresOf(output));
      assert.ok(Number(cases) > 0, 'schemathesis generated cases');
    });
  }
});
