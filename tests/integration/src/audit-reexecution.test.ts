import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CHAINCODE_BUNDLE_DIR,
  FINGERPRINT_LINE,
  SPEED_LINE,
  Supervisor,
  isAlive,
  probe,
  readBundleFingerprint,
  statePaths,
  writeBundleVariant,
} from '@metrochain/devnet';
import {
  type Reading,
  rawReadingResponseSchema,
  reexecutionJobSchema,
  reexecutionsOverviewSchema,
  verificationLogCheckSchema,
} from '@metrochain/contracts';
import { buildEnergyReading, buildSpeedReading } from '@metrochain/fleet';
import { Redis } from 'ioredis';
import { auditCall, auditGet, findingsOf } from './support/audit-api';
import { eventually } from './support/eventually';
import {
  type ExtraChaincode,
  clientsOf,
  deployExtraChaincode,
  uniqueChaincodeName,
  variantDir,
} from './support/extra-chaincode';
import { finalStatus, ingest, readingIdOf, signReading } from './support/ingest';
import { type TestMeter, attestation, newMeter } from './support/meters';
import { type Session, networkProfile, openSession } from './support/network';
import { Registrars } from './support/registered-meters';

const RECORD_LINE = 'readingDigest: judged.readingDigest,';
const CHECKS = ['lr-mismatch', 'raw-data-mismatch', 'lr-not-approved'];
const CLEAN_PER_METER = 10;

function speedReading(meter: TestMeter, seq: number, kmh: number): Reading {
  const built = buildSpeedReading({
    meterId: meter.id,
    seq,
    measuredAt: new Date(),
    trueSpeedKmh: kmh,
    noise: true,
    seed: seq,
  });
  return signReading(meter, built.reading);
}

function energyReading(meter: TestMeter, seq: number): Reading {
  const built = buildEnergyReading({
    meterId: meter.id,
    seq,
    measuredAt: new Date(),
    vrms: 230,
    irms: 5,
    phaseRad: 0.1,
    cycles: 1,
    noise: true,
    seed: seq,
  });
  return signReading(meter, built.reading);
}

async function waitForJob(jobId: string): Promise<ReturnType<typeof reexecutionJobSchema.parse>> {
  return eventually(
    `re-execution job ${jobId} to finish`,
    async () => {
      const job = await auditGet(`/api/reexecutions/${jobId}`, reexecutionJobSchema);
      return job.status === 'running' ? undefined : job;
    },
    60_000,
    500,
  );
}

/** Waits until the continuous re-execution has read past the block holding `txId`'s block number. */
async function continuousPast(blockNumber: number): Promise<void> {
  await eventually(
    `the audit's block feed past block ${String(blockNumber)}`,
    async () => {
      const overview = await auditGet('/api/reexecutions', reexecutionsOverviewSchema);
      return overview.continuous.nextBlock > blockNumber ? true : undefined;
    },
    90_000,
    500,
  );
}

/*
 * The audit service re-executes every recorded reading with the LR bundle its record names. Clean traffic through the
 * network's chaincode gives no finding. A tampered build (every speed 1 % high, energy digests of other data, and
 * the genuine fingerprint claimed everywhere), deployed as a second chaincode name and approved under the genuine
 * fingerprint, records readings that the audit reports: lr-mismatch for the speeds, raw-data-mismatch for energy.
 */
describe('audit re-execution, raw data and verification-log completeness', () => {
  const name = uniqueChaincodeName('evil');
  const genuine = readBundleFingerprint(CHAINCODE_BUNDLE_DIR).fingerprint;
  let extra: ExtraChaincode;
  let registrars: Registrars;
  let sessions: Session[];
  let cleanSpeed: TestMeter;
  let cleanEnergy: TestMeter;
  const clean: Reading[] = [];

  before(async () => {
    registrars = await Registrars.open();
    sessions = [
      await openSession('PTB', 'measurement'),
      await openSession('Inmetro', 'audit'),
      await openSession('PTB', 'registration'),
      await openSession('Inmetro', 'registration'),
    ];
    cleanSpeed = await registrars.activeMeter('reexec-speed');
    cleanEnergy = await registrars.activeMeter('reexec-energy');
    const evil = writeBundleVariant(
      CHAINCODE_BUNDLE_DIR,
      variantDir(name),
      [
        { find: SPEED_LINE, replace: 'const speedKmh = loopDistanceM / deltaTS * KMH_PER_MS * 1.01;' },
        { find: FINGERPRINT_LINE, replace: `fingerprint: ${JSON.stringify(genuine)},` },
        {
          find: RECORD_LINE,
          replace: `readingDigest: reading.kind === 'energy' ? judged.readingDigest.split('').reverse().join('') : judged.readingDigest,`,
        },
      ],
      { claimFingerprint: genuine },
    );
    extra = await deployExtraChaincode({ name, bundleDir: evil.dir, slot: 1 });
  });

  after(() => {
    // A failed restart test must not leave the audit service down for the tests after this file.
    const supervisor = new Supervisor(statePaths());
    const audit = supervisor.record('service-audit');
    if (audit !== undefined && !isAlive(audit.pid)) {
      supervisor.restart('service-audit');
    }
    extra.stop();
    registrars.close();
    for (const session of sessions) {
      session.close();
    }
  });

  it('clean readings through the network: recorded, re-executed, no finding; on demand too', async () => {
    for (let seq = 1; seq <= CLEAN_PER_METER; seq += 1) {
      clean.push(speedReading(cleanSpeed, seq, 30 + 15 * seq), energyReading(cleanEnergy, seq));
    }
    await ingest(clean);
    const statuses = await Promise.all(clean.map((reading) => finalStatus(readingIdOf(reading))));
    for (const status of statuses) {
      assert.equal(status.status, 'recorded', JSON.stringify(status));
    }
    const sizes = clean
      .slice(0, 2)
      .map((reading) => `${reading.kind} ${String(Buffer.byteLength(JSON.stringify(reading)))} B`);
    process.stdout.write(`# signed reading sizes: ${sizes.join(', ')}\n`);

    const raw = await auditGet(`/api/raw-readings/${cleanSpeed.id}/2`, rawReadingResponseSchema);
    assert.equal(raw.digestMatches, true);
    assert.equal(raw.lrFingerprint, genuine);
    assert.deepEqual(raw.reading, clean[2]);
    const lastBlocks = await Promise.all(
      [cleanSpeed, cleanEnergy].map(async (meter) => {
        const last = `/api/raw-readings/${meter.id}/${String(CLEAN_PER_METER)}`;
        return (await auditGet(last, rawReadingResponseSchema)).blockNumber;
      }),
    );
    await continuousPast(Math.max(raw.blockNumber, ...lastBlocks));

    const accepted = await auditCall('POST', '/api/reexecutions', {
      body: { meterId: cleanSpeed.id, from: 1, to: CLEAN_PER_METER },
    });
    assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
    const job = await waitForJob((accepted.body as { jobId: string }).jobId);
    assert.deepEqual(
      [job.status, job.checked, job.matched, job.lrMismatches, job.rawDataMismatches, job.findings.length],
      ['done', CLEAN_PER_METER, CLEAN_PER_METER, 0, 0, 0],
    );
    for (const category of CHECKS) {
      for (const meter of [cleanSpeed, cleanEnergy]) {
        assert.deepEqual(await findingsOf(category, `meter:${meter.id}`), [], `${category} for ${meter.id}`);
      }
    }
    const overview = await auditGet('/api/reexecutions', reexecutionsOverviewSchema);
    assert.ok(overview.continuous.checked >= 2 * CLEAN_PER_METER);
    assert.ok(overview.continuous.bundles.includes(genuine));
    process.stdout.write(
      `# continuous re-execution: ${String(overview.continuous.checked)} readings, ` +
        `${overview.continuous.meanMsPerReading.toFixed(2)} ms per reading\n`,
    );
  });

  it('no re-execution finding names the network chaincode', async () => {
    const chaincode = networkProfile().chaincode;
    for (const category of CHECKS) {
      const onNetwork = (await findingsOf(category)).filter(
        (finding) => finding.evidence['chaincode'] === chaincode,
      );
      assert.deepEqual(onNetwork, [], category);
    }
  });

  it('a tampered build: lr-mismatch for a changed result, raw-data-mismatch for a digest of other data', async () => {
    const speedMeter = newMeter('evil-speed');
    const energyMeter = newMeter('evil-energy');
    for (const meter of [speedMeter, energyMeter]) {
      for (const [index, org] of ['PTB', 'Inmetro'].entries()) {
        const session = sessions[2 + index];
        assert.ok(session);
        await clientsOf(session, name).registry.attest(attestation(meter, org));
      }
    }
    const auditor = sessions[1];
    const recorder = sessions[0];
    assert.ok(auditor !== undefined && recorder !== undefined);
    await clientsOf(auditor, name).governance.approveSoftwareVersion({
      version: `0.1.0-${name}`,
      fingerprint: genuine,
      notifiedBody: 'reexecution test',
      meterKinds: ['speed', 'energy'],
    });
    const committed = await clientsOf(recorder, name).measurement.recordBatch({
      batchId: `${name}-1`,
      readings: [speedReading(speedMeter, 1, 100), energyReading(energyMeter, 1)],
    });
    assert.deepEqual(
      committed.outcomes.map((outcome) => outcome.status),
      ['recorded', 'recorded'],
    );
    const [lrFinding] = await eventually(
      'an lr-mismatch finding',
      async () => {
        const found = await findingsOf('lr-mismatch', `meter:${speedMeter.id}`);
        return found.length > 0 ? found : undefined;
      },
      90_000,
      500,
    );
    assert.ok(lrFinding);
    const evidence = lrFinding.evidence as {
      txId: string;
      meterId: string;
      seq: number;
      blockNumber: number;
      lrFingerprint: string;
      chaincode: string;
      ledgerValue: { speedKmh: number };
      reexecutedValue: { speedKmh: number };
    };
    assert.equal(evidence.txId, committed.transactionId);
    assert.deepEqual(
      [evidence.meterId, evidence.seq, evidence.lrFingerprint, evidence.chaincode],
      [speedMeter.id, 1, genuine, name],
    );
    assert.ok(Number.isInteger(evidence.blockNumber));
    const ratio = evidence.ledgerValue.speedKmh / evidence.reexecutedValue.speedKmh;
    assert.ok(Math.abs(ratio - 1.01) < 1e-9, `ledger / re-executed = ${String(ratio)}`);

    const [rawFinding] = await eventually(
      'a raw-data-mismatch finding',
      async () => {
        const found = await findingsOf('raw-data-mismatch', `meter:${energyMeter.id}`);
        return found.length > 0 ? found : undefined;
      },
      30_000,
      500,
    );
    assert.ok(rawFinding);
    assert.equal(rawFinding.evidence['txId'], committed.transactionId);
    assert.notEqual(rawFinding.evidence['ledgerDigest'], rawFinding.evidence['computedDigest']);
    assert.deepEqual(await findingsOf('raw-data-mismatch', `meter:${speedMeter.id}`), []);
  });

  it('raw readings: auditors only, coded errors for bad input and unknown readings', async () => {
    assert.equal(
      (await auditCall('GET', `/api/raw-readings/${cleanSpeed.id}/1`, { token: null })).status,
      401,
    );
    assert.equal((await auditCall('GET', `/api/raw-readings/${cleanSpeed.id}/x`)).status, 400);
    const unknown = await auditCall('GET', `/api/raw-readings/${cleanSpeed.id}/99`);
    assert.equal(unknown.status, 404, JSON.stringify(unknown.body));
    const reversed = await auditCall('POST', '/api/reexecutions', {
      body: { meterId: cleanSpeed.id, from: 5, to: 1 },
    });
    assert.equal(reversed.status, 422);
    assert.equal((reversed.body as { code?: string }).code, 'REEXECUTION_RANGE_INVALID');
    const huge = await auditCall('POST', '/api/reexecutions', {
      body: { meterId: cleanSpeed.id, from: 0, to: Number.MAX_SAFE_INTEGER },
    });
    assert.equal(huge.status, 422);
    const malformed = await auditCall('POST', '/api/reexecutions', {
      body: { meterId: cleanSpeed.id, from: -1 },
    });
    assert.equal(malformed.status, 400);
  });

  it('verification log: an anchored batch checks complete; one record removed from the log is a finding', async () => {
    const verification = await fetch('http://127.0.0.1:3002/verifications', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        meterId: cleanEnergy.id,
        data: 'not what it signed',
        signature: clean[1]?.signature,
      }),
    });
    const { verificationId } = (await verification.json()) as { verificationId: string };
    const batchId = verificationId.slice(0, verificationId.lastIndexOf('.'));
    await eventually(
      `batch ${batchId} anchored`,
      async () => {
        const record = (await (
          await fetch(`http://127.0.0.1:3002/verifications/${verificationId}`)
        ).json()) as {
          anchor: unknown;
        };
        return record.anchor === null ? undefined : true;
      },
      30_000,
      500,
    );
    const check = async (): Promise<ReturnType<typeof verificationLogCheckSchema.parse>> => {
      const started = await auditCall('POST', '/api/verification-log/checks', { body: { batchId } });
      assert.equal(started.status, 202, JSON.stringify(started.body));
      const { checkId } = verificationLogCheckSchema.parse(started.body);
      return eventually(
        'the verification-log check',
        async () => {
          const done = await auditGet(`/api/verification-log/checks/${checkId}`, verificationLogCheckSchema);
          return done.status === 'running' ? undefined : done;
        },
        30_000,
        300,
      );
    };
    const passed = await check();
    assert.equal(passed.status, 'passed', JSON.stringify(passed));
    assert.equal(passed.recordsFound, passed.anchoredSize);
    assert.equal(passed.proofsVerified, passed.recordsFound);

    const redis = new Redis(networkProfile().redis.url, { maxRetriesPerRequest: 2 });
    try {
      const key = `verification:log:batch:${batchId}`;
      const [firstIndex] = await redis.hkeys(key);
      assert.ok(firstIndex !== undefined);
      await redis.hdel(key, firstIndex);
    } finally {
      redis.disconnect();
    }
    const failed = await check();
    assert.equal(failed.status, 'failed', JSON.stringify(failed));
    // Reported once per batch: by this check, or by the feed's own check of the anchor if that ran after the change.
    const findings = await findingsOf('verification-log', `batch:${batchId}`);
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]?.evidence['merkleRoot'], passed.anchoredRoot);
  });

  it('resumes at its checkpoint after a kill -9: a reading recorded while it was down is re-executed, once', async () => {
    const supervisor = new Supervisor(statePaths());
    const audit = supervisor.record('service-audit');
    assert.ok(audit, 'service-audit is a recorded process');
    const beforeKill = await auditGet('/api/reexecutions', reexecutionsOverviewSchema);
    process.kill(audit.pid, 'SIGKILL');
    await eventually(
      'service-audit to die',
      () => Promise.resolve(isAlive(audit.pid) ? undefined : true),
      10_000,
    );
    const whileDown = speedReading(cleanSpeed, CLEAN_PER_METER + 1, 72);
    await ingest([whileDown]);
    assert.equal((await finalStatus(readingIdOf(whileDown))).status, 'recorded');
    supervisor.restart('service-audit');
    await eventually(
      'service-audit back',
      async () => ((await probe(audit.health)) ? true : undefined),
      90_000,
    );

    const raw = await auditGet(
      `/api/raw-readings/${cleanSpeed.id}/${String(CLEAN_PER_METER + 1)}`,
      rawReadingResponseSchema,
    );
    assert.ok(raw.blockNumber >= beforeKill.continuous.nextBlock, 'recorded after the checkpoint');
    await continuousPast(raw.blockNumber);
    const resumed = await auditGet('/api/reexecutions', reexecutionsOverviewSchema);
    // The new process counts from zero: it read on from the checkpoint (not from block 0), and did not skip the block.
    assert.deepEqual([resumed.continuous.checked, resumed.continuous.matched], [1, 1]);
    for (const category of CHECKS) {
      assert.deepEqual(await findingsOf(category, `meter:${cleanSpeed.id}`), [], category);
    }
  });
});
