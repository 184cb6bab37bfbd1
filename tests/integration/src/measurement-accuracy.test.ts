import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type MeasurementsRecordedV1, measurementsRecordedV1ValueSchema } from '@metrochain/contracts';
import { type Fleet, createFleet, registrationInstancesOf, fleetCredentialsOf } from '@metrochain/fleet';
import { createKafkaClient } from '@metrochain/messaging';
import type { Consumer } from 'kafkajs';
import { eventually } from './support/eventually';
import { MEASUREMENT_URL, finalStatus } from './support/ingest';
import { networkProfile } from './support/network';

/**
 * Simulated meters through the whole stack (registration by both NMIs, ingest, verification, the LR chaincode):
 * the recorded value is compared with the truth the simulator used to make the raw signals.
 */
for (const noise of [false, true]) {
  const speedTolerance = noise ? 0.5 : 0.1;
  describe(`simulated meters ${noise ? 'with the simulator’s noise' : 'without noise'} measure the truth`, () => {
    const stateDir = mkdtempSync(path.join(tmpdir(), 'metrochain-fleet-it-'));
    const events = new Map<string, MeasurementsRecordedV1>();
    let consumer: Consumer;
    let fleet: Fleet;

    before(async () => {
      const kafka = createKafkaClient({ clientId: 'it-accuracy', brokers: networkProfile().kafka.brokers });
      consumer = kafka.consumer({ groupId: `it-accuracy-${Date.now().toString(36)}` });
      await consumer.connect();
      // From the beginning (the meters are new): a group created now might otherwise start after the first events.
      await consumer.subscribe({ topics: ['measurements.recorded.v1'], fromBeginning: true });
      await consumer.run({
        eachMessage: ({ message }) => {
          const value = measurementsRecordedV1ValueSchema.parse(
            JSON.parse(message.value?.toString() ?? '{}'),
          );
          events.set(`${value.meterId}~${String(value.seq)}`, value);
          return Promise.resolve();
        },
      });
      const query = { networkFile: undefined, measurementUrl: undefined, env: process.env };
      const credentials = fleetCredentialsOf(query);
      assert.ok(credentials !== undefined, 'network.json provisions a manufacturer');
      fleet = createFleet({
        credentials,
        speedMeters: 3,
        energyMeters: 2,
        stateDir,
        measurementUrl: MEASUREMENT_URL,
        registrationServices: registrationInstancesOf(query),
        noise,
        speedKmh: { min: 5, max: 250 },
        rate: 20,
        batch: 5,
      });
      await fleet.register();
      await fleet.postReadings(4);
    });
    after(async () => {
      await fleet.stop({ graceMs: 1000 });
      await consumer.disconnect();
      rmSync(stateDir, { recursive: true, force: true });
    });

    it(`records speeds within ${String(speedTolerance)} km/h and energy within 0.1 % of the truth`, async () => {
      assert.equal(fleet.truths.size, 20);
      for (const [readingId, truth] of fleet.truths) {
        const status = await finalStatus(readingId);
        assert.equal(status.status, 'recorded', `${readingId}: ${JSON.stringify(status)}`);
        const result = status.result;
        if (truth.kind === 'speed') {
          assert.ok(result?.kind === 'speed');
          const error = Math.abs(result.speedKmh - truth.trueSpeedKmh);
          assert.ok(
            error <= speedTolerance,
            `${readingId}: ${String(result.speedKmh)} vs ${String(truth.trueSpeedKmh)}`,
          );
          assert.equal(result.plateImageSha256, truth.plateImageSha256);
        } else {
          assert.ok(truth.kind === 'energy' && result?.kind === 'energy');
          const error = Math.abs(result.energyWh - truth.trueEnergyWh) / Math.abs(truth.trueEnergyWh);
          assert.ok(
            error <= 0.001,
            `${readingId}: ${String(result.energyWh)} vs ${String(truth.trueEnergyWh)}`,
          );
        }
      }
    });

    it('publishes each recorded measurement to measurements.recorded.v1 with its transaction and block', async () => {
      for (const [readingId, truth] of fleet.truths) {
        const status = await finalStatus(readingId);
        const event = await eventually(`the event of ${readingId}`, () =>
          Promise.resolve(events.get(`${truth.meterId}~${String(truth.seq)}`)),
        );
        assert.deepEqual(event.result, status.result);
        assert.equal(event.txId, status.txId);
        assert.ok(event.blockNumber > 0);
      }
    });
  });
}
