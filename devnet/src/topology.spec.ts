import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endorsementPolicy } from './config/configtx';
import { buildTopology } from './topology';

function ports(topology: ReturnType<typeof buildTopology>): number[] {
  return [
    ...topology.orderers.flatMap((o) => [o.port, o.adminPort, o.operationsPort]),
    ...topology.orgs.flatMap((org) => [
      org.chaincodeServer.port,
      org.chaincodeServer.httpPort,
      ...org.peers.flatMap((p) => [p.port, p.chaincodePort, p.operationsPort]),
    ]),
    ...topology.kafka.flatMap((b) => [b.port, b.controllerPort]),
    topology.redis.port,
  ];
}

describe('topology', () => {
  it('has PTB and Inmetro with two peers each and three orderers by default', () => {
    const topology = buildTopology({ thirdOrg: false, orderers: 3, kafkaBrokers: 1 });
    assert.deepEqual(
      topology.orgs.map((o) => o.mspId),
      ['PTBMSP', 'InmetroMSP'],
    );
    assert.ok(topology.orgs.every((o) => o.peers.length === 2));
    assert.equal(topology.orderers.length, 3);
    assert.equal(topology.channel, 'nmichannel');
  });

  it('gives every process of the largest network its own port', () => {
    const all = ports(buildTopology({ thirdOrg: true, orderers: 5, kafkaBrokers: 3 }));
    assert.equal(new Set(all).size, all.length);
  });

  it('needs two NMIs to endorse, whatever the number of NMIs', () => {
    assert.equal(
      endorsementPolicy(buildTopology({ thirdOrg: false, orderers: 3, kafkaBrokers: 1 })),
      "OutOf(2,'PTBMSP.peer','InmetroMSP.peer')",
    );
    assert.equal(
      endorsementPolicy(buildTopology({ thirdOrg: true, orderers: 3, kafkaBrokers: 1 })),
      "OutOf(2,'PTBMSP.peer','InmetroMSP.peer','CMIMSP.peer')",
    );
  });
});
