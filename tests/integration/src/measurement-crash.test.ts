import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import {
  type IngestResponse,
  MeasurementApiPaths,
  type Reading,
  ingestResponseSchema,
} from '@metrochain/contracts';
import { isAlive, probe, statePaths, Supervisor } from '@metrochain/devnet';
import { MeasurementClient } from '@metrochain/ledger';
import { eventually } from './support/eventually';
import { allRecorded } from './support/recorded-measurements';
import { type TestMeter } from './support/meters';
import { postRaw, signReading } from './support/ingest';
import { type Session, openSession } from './support/network';
import { Registrars } from './support/registered-meters';

const METERS = 6;
const READINGS_PER_POST = 5;

function energy(meter: TestMeter, seq: number): Reading {
  return signReading(meter, {
    meterId: meter.id,
    seq,
    measuredAt: new Date().toISOString(),
    kind: 'energy',
    payload: { sampleRateHz: 1000, voltageV: [230, 231, 229, 230], currentA: [5, 5.1, 4.9, 5.2] },
  });
}

/** Posts until the batch is accepted: a refused or unanswered request is sent again, unchanged. */
async function postUntilAccepted(
  readings: readonly Reading[],
  stop: () => boolean,
): Promise<IngestResponse | undefined> {
  while (!stop()) {
    try {
      const answer = await postRaw(MeasurementApiPaths.ingestBatch, { readings });
      if (answer.status === 202) {
        return ingestResponseSchema.parse(answer.body);
      }
    } catch {
      // The service is down: the meter keeps its readings and tries again.
    }
    await delay(200);
  }
  return undefined;
}

/** A meter that posts its readings in order, each batch until accepted, and remembers what was accepted. */
async function meterLoop(meter: TestMeter, accepted: Map<string, Set<number>>, until: number): Promise<void> {
  const seqs = accepted.get(meter.id) ?? new Set<number>();
  accepted.set(meter.id, seqs);
  for (let next = 1; Date.now() < until; next += READINGS_PER_POST) {
    const readings = Array.from({ length: READINGS_PER_POST }, (_, i) => energy(meter, next + i));
    const answer = await postUntilAccepted(readings, () => Date.now() > until + 60_000);
    answer?.accepted.forEach(({ seq }) => seqs.add(seq));
    await delay(50);
  }
}

async function killAndRestart(supervisor: Supervisor, name: string): Promise<void> {
  const record = supervisor.record(name);
  assert.ok(record, `${name} is a recorded process`);
  process.kill(record.pid, 'SIGKILL');
  await eventually(`${name} to die`, () => Promise.resolve(isAlive(record.pid) ? undefined : true), 10_000);
  supervisor.restart(name);
  await eventually(
    `${name} to be back`,
    async () => ((await probe(record.health)) ? true : undefined),
    90_000,
  );
}

for (const service of ['service-measurement', 'service-verification']) {
  describe(`no reading lost or recorded twice when ${service} is killed -9 under load`, () => {
    const supervisor = new Supervisor(statePaths());
    let registrars: Registrars;
    let session: Session;
    const accepted = new Map<string, Set<number>>();
    const meters: TestMeter[] = [];

    before(async () => {
      registrars = await Registrars.open();
      session = await openSession('PTB', 'measurement');
      for (let i = 0; i < METERS; i += 1) {
        meters.push(await registrars.activeMeter(`crash-${service.replace('service-', '')}`));
      }
    });
    after(async () => {
      registrars.close();
      session.close();
      const record = supervisor.record(service);
      if (record !== undefined && !isAlive(record.pid)) {
        supervisor.restart(service);
        await eventually(
          `${service} back`,
          async () => ((await probe(record.health)) ? true : undefined),
          90_000,
        );
      }
    });

    it('records every accepted reading exactly once on the ledger', async () => {
      const until = Date.now() + 15_000;
      const load = Promise.all(meters.map((meter) => meterLoop(meter, accepted, until)));
      await delay(4_000);
      await killAndRestart(supervisor, service);
      await load;

      const ledger = MeasurementClient.forConnection(session.connection);
      let total = 0;
      for (const meter of meters) {
        const seqs = [...(accepted.get(meter.id) ?? [])].sort((a, b) => a - b);
        total += seqs.length;
        const last = seqs.at(-1);
        assert.ok(last !== undefined, `meter ${meter.id} got nothing accepted`);
        const records = await eventually(
          `${meter.id} to be recorded`,
          async () => {
            const records = await allRecorded(ledger, meter.id);
            return records.length >= seqs.length ? records : undefined;
          },
          180_000,
        );
        const onLedger = records.map((record) => record.seq);
        assert.deepEqual(onLedger, seqs, `ledger of ${meter.id} equals what was accepted`);
        const progress = await ledger.getMeterProgress(meter.id);
        assert.equal(progress.recorded, seqs.length, 'recorded once each');
      }
      assert.ok(total > METERS * READINGS_PER_POST, `load too small: ${String(total)} readings accepted`);
    });
  });
}
