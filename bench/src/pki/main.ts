import { verify as verifySignatureRaw, generateKeyPairSync, sign } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inspect, parseArgs } from 'node:util';
import { defaultNetworkFile, readNetworkProfile } from '@metrochain/config';
import { REPO_ROOT, Supervisor, statePaths } from '@metrochain/devnet';
import { type LedgerConnection, RegistryClient, connectLedger } from '@metrochain/ledger';
import { type Row, formatTable, rate } from '../support/table';
import { measureActivations } from './activations';
import { measureChaincodeEvaluate, measureChaincodeSubmit } from './chaincode-checks';
import { prepareMeters, signedChecks } from './meters';
import { measureService } from './service-checks';

// What the PKI paper reports for its Fabric network: about 380 signature checks (transactions) per second.
const PAPER_CHECKS_PER_SECOND = 380;
const TARGET_PER_CORE = 15_000;
const TARGET_METERS = 10_000;
const TARGET_SECONDS = 60;

const { values: args } = parseArgs({
  options: {
    meters: { type: 'string', default: String(TARGET_METERS) },
    'duration-s': { type: 'string', default: '10' },
    'activation-batch': { type: 'string', default: '250' },
    'activation-concurrency': { type: 'string', default: '4' },
    'verification-url': { type: 'string', default: 'http://127.0.0.1:3002' },
    // For a service started outside the devnet, e.g. under a profiler.
    'service-pid': { type: 'string' },
  },
});

function nodeCryptoCeiling(durationMs: number): number {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const data = Buffer.from('{"meter":"ceiling","wh":1234.5}');
  const signature = sign('sha256', data, privateKey);
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < durationMs) {
    verifySignatureRaw('sha256', data, publicKey, signature);
    count += 1;
  }
  return count / ((performance.now() - started) / 1000);
}

function verificationPid(): number {
  const record = new Supervisor(statePaths()).records().find((entry) => entry.name.includes('verification'));
  if (record === undefined) {
    throw new Error('no verification service in the devnet: start it with `npm run devnet -- up --services`');
  }
  return record.pid;
}

async function main(): Promise<void> {
  const profile = readNetworkProfile(defaultNetworkFile());
  const durationMs = Number(args['duration-s']) * 1000;
  const connections: LedgerConnection[] = [];
  const open = async (org: string, identity: string): Promise<LedgerConnection> => {
    const connection = await connectLedger({ profile, org, identity });
    connections.push(connection);
    return connection;
  };
  try {
    const ptb = await open('PTB', 'registration');
    const inmetro = await open('Inmetro', 'registration');
    const checker = await open('PTB', 'audit');
    const attesters = [
      profile.organizations['PTB']?.mspId ?? '',
      profile.organizations['Inmetro']?.mspId ?? '',
    ];
    const runId = Date.now().toString(36);

    console.log(`preparing ${args.meters} meters (keys and signed answers, not timed)`);
    const meters = prepareMeters(Number(args.meters), attesters, runId);
    console.log('1/4 meter activations (PTB then Inmetro attest each chunk of meters in one transaction)');
    const activations = await measureActivations(
      [RegistryClient.forConnection(ptb), RegistryClient.forConnection(inmetro)],
      meters,
      { batchSize: Number(args['activation-batch']), concurrency: Number(args['activation-concurrency']) },
    );
    const checks = signedChecks(meters.slice(0, 200), 20);

    console.log('2/4 chaincode checkSignature, one call per check (evaluate, then submit)');
    const evaluated = await measureChaincodeEvaluate(
      RegistryClient.forConnection(checker),
      checks,
      durationMs,
      64,
    );
    const submitted = await measureChaincodeSubmit(checker, checks, durationMs, 256);

    console.log('3/4 verification service: batches of 250, then single requests');
    const pid = args['service-pid'] === undefined ? verificationPid() : Number(args['service-pid']);
    const url = args['verification-url'];
    await measureService(url, pid, checks, { durationMs: 1000, concurrency: 2, batchSize: 250 });
    const batched = await measureService(url, pid, checks, { durationMs, concurrency: 4, batchSize: 250 });
    const single = await measureService(url, pid, checks, { durationMs, concurrency: 32, batchSize: 1 });

    console.log('4/4 node:crypto P-256 verify on one core (ceiling)');
    const ceiling = nodeCryptoCeiling(2000);

    const results = {
      measuredAt: new Date().toISOString(),
      host: { cores: (await import('node:os')).cpus().length, node: process.version },
      serviceVerificationsPerSecondPerCore: Math.round(batched.perCpuSecond),
      serviceVerificationsPerSecond: Math.round(batched.perSecond),
      serviceCpuCoresUsed: Number((batched.serviceCpuSeconds / batched.seconds).toFixed(2)),
      serviceSingleRequestVerificationsPerSecondPerCore: Math.round(single.perCpuSecond),
      serviceSingleRequestVerificationsPerSecond: Math.round(single.perSecond),
      chaincodeCheckSignaturePerSecond: Math.round(evaluated.perSecond),
      chaincodeCheckSignatureSubmitPerSecond: Math.round(submitted.perSecond),
      meterActivationsPerSecond: Math.round(activations.perSecond),
      metersActivated: activations.meters,
      activationSeconds: Number(activations.seconds.toFixed(1)),
      secondsFor10000Meters: Number((TARGET_METERS / activations.perSecond).toFixed(1)),
      nodeCryptoVerifyPerSecondOneCore: Math.round(ceiling),
      baselinePaperChecksPerSecond: PAPER_CHECKS_PER_SECOND,
    };
    const rows: Row[] = [
      {
        metric: 'service verifications per core (batch API)',
        measured: rate(results.serviceVerificationsPerSecondPerCore),
        target: rate(TARGET_PER_CORE),
        baseline: `chaincode ${rate(results.chaincodeCheckSignaturePerSecond)}; paper ${rate(PAPER_CHECKS_PER_SECOND)}`,
      },
      {
        metric: 'service verifications, wall clock (batch API)',
        measured: `${rate(results.serviceVerificationsPerSecond)} on ${String(results.serviceCpuCoresUsed)} cores`,
        target: '-',
        baseline: '-',
      },
      {
        metric: 'service verifications per core (one per request)',
        measured: rate(results.serviceSingleRequestVerificationsPerSecondPerCore),
        target: '-',
        baseline: '-',
      },
      {
        metric: 'chaincode checkSignature, evaluate',
        measured: rate(results.chaincodeCheckSignaturePerSecond),
        target: '-',
        baseline: `paper ${rate(PAPER_CHECKS_PER_SECOND)}`,
      },
      {
        metric: 'chaincode checkSignature, submit',
        measured: rate(results.chaincodeCheckSignatureSubmitPerSecond),
        target: '-',
        baseline: `paper ${rate(PAPER_CHECKS_PER_SECOND)}`,
      },
      {
        metric: 'meter activations (2 NMIs)',
        measured: `${rate(results.meterActivationsPerSecond)} (${String(results.metersActivated)} in ${String(results.activationSeconds)} s)`,
        target: `${String(TARGET_METERS)} in ${String(TARGET_SECONDS)} s`,
        baseline: '-',
      },
      {
        metric: 'node:crypto P-256 verify, one core',
        measured: rate(results.nodeCryptoVerifyPerSecondOneCore),
        target: '-',
        baseline: 'ceiling',
      },
    ];
    console.log(`\n${formatTable(rows)}\n`);
    const file = path.join(REPO_ROOT, 'bench', 'results', 'pki.json');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`written ${path.relative(process.cwd(), file)}`);
  } finally {
    connections.forEach((connection) => {
      connection.close();
    });
  }
}

main().catch((error: unknown) => {
  console.error(inspect(error, { depth: 6 }));
  process.exitCode = 1;
});
