import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SOFTWARE_APPROVED_EVENT, softwareApprovalSchema } from '@metrochain/contracts';
import { newChaincodeEventReader, parseEventPayload } from '@metrochain/ledger';
import { fingerprintOf, networkProfile, openSession, uniqueVersion, type Session } from './support/network';

/** Reads approval events from the checkpoint until `last` is seen; returns the versions seen with `prefix`. */
async function readApprovals(
  session: Session,
  checkpointFile: string,
  prefix: string,
  last: string,
): Promise<string[]> {
  const reader = await newChaincodeEventReader({
    network: session.connection.network,
    chaincode: networkProfile().chaincode,
    checkpointFile,
    startBlock: 0n,
  });
  const seen: string[] = [];
  const controller = new AbortController();
  const timeout = setTimeout(() => {
    controller.abort();
  }, 60_000);
  await reader.run((event) => {
    if (event.eventName === SOFTWARE_APPROVED_EVENT) {
      const { version } = parseEventPayload(event, softwareApprovalSchema);
      if (version.startsWith(prefix)) {
        seen.push(version);
      }
      if (version === last) {
        controller.abort();
      }
    }
    return Promise.resolve();
  }, controller.signal);
  clearTimeout(timeout);
  return seen;
}

describe('checkpointed chaincode event reader', () => {
  let session: Session;
  before(async () => {
    session = await openSession('PTB', 'audit');
  });
  after(() => {
    session.close();
  });

  it('delivers events after commit and resumes from its checkpoint without duplicates', async () => {
    const checkpointFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'events-')), 'checkpoint.json');
    const prefix = uniqueVersion('events');
    const approve = (n: number): Promise<unknown> =>
      session.governance.approveSoftwareVersion({
        version: `${prefix}.${String(n)}`,
        fingerprint: fingerprintOf(`${prefix}.${String(n)}`),
        notifiedBody: 'PTB notified body',
        meterKinds: ['speed'],
      });

    await approve(1);
    assert.deepEqual(await readApprovals(session, checkpointFile, prefix, `${prefix}.1`), [`${prefix}.1`]);

    await approve(2);
    await approve(3);
    assert.deepEqual(await readApprovals(session, checkpointFile, prefix, `${prefix}.3`), [
      `${prefix}.2`,
      `${prefix}.3`,
    ]);
  });
});
