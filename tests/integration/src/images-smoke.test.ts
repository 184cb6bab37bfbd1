import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { REPO_ROOT } from '@metrochain/devnet';
import { ensureImageLayers, runInImage } from '@metrochain/images';
import { peer } from '@hyperledger/fabric-protos';
import { firstChaincodeMessage, registeredChaincodeId } from './support/chaincode-connect';
import { NODE_IDENTITY_SCRIPT, identityCases, projectIdentity } from './support/chart-identity';
import {
  SECRETS,
  type RunningImage,
  type SmokeNetwork,
  freePort,
  prepareSmokeNetwork,
  startInImage,
  stoppedCleanly,
} from './support/image-smoke';

/*
 * These machines cannot run containers (an OCI runtime's setrlimit is refused), so each image's layers are mounted
 * as one read-only root and the image's program runs in it with chroot, as uid 65532, with the image's
 * environment, against the running local network: what the image would do in a pod, minus the runtime.
 */
const SERVICES = ['registration', 'verification', 'measurement', 'billing', 'audit'] as const;
const IMAGES = ['peer', 'orderer', 'chaincode', ...SERVICES] as const;
const isRoot = process.getuid?.() === 0;

function firstOf<T>(items: readonly T[], what: string): T {
  const [item] = items;
  assert.ok(item !== undefined, `no ${what}`);
  return item;
}

describe(
  'images: each image runs its program against the local network',
  { skip: !isRoot && 'needs root (mount namespace, overlay, chroot)' },
  () => {
    let network: SmokeNetwork;
    let layersSeconds = 0;

    before(async () => {
      const started = Date.now();
      for (const image of IMAGES) await ensureImageLayers(image);
      layersSeconds = (Date.now() - started) / 1000;
      network = prepareSmokeNetwork();
    });

    after(() => {
      network.cleanup();
    });

    it("peer: `peer version`, and the external builder turns the network's own CCaaS package into a connection", async (t) => {
      t.diagnostic(`layer trees ready in ${layersSeconds.toFixed(1)} s`);
      const version = await runInImage('peer', ['/usr/local/bin/peer', 'version'], { isolateNetwork: true });
      assert.equal(version.code, 0, version.stderr);
      assert.match(version.stdout, /^peer:\n Version: /);
      const org = firstOf(network.topology.orgs, 'organisation');
      const rootCert = network.material.orgTlsCa(org).cert;
      const script = [
        'set -eu',
        'bin=/opt/metrochain/ccaas-builder/bin pkg=/etc/metrochain/package',
        '"$bin/detect" "$pkg" "$pkg"',
        '"$bin/build" "$pkg" "$pkg" /tmp/build',
        '"$bin/release" /tmp/build /tmp/release',
        'mkdir /tmp/other && echo \'{"type":"golang","label":"x"}\' > /tmp/other/metadata.json',
        'if "$bin/detect" /tmp/other /tmp/other; then echo "detect claimed a golang package" >&2; exit 1; fi',
        'cat /tmp/release/chaincode/server/connection.json',
      ].join('\n');
      const run = await runInImage('peer', ['/usr/bin/bash', '-c', script], {
        isolateNetwork: true,
        binds: { [SECRETS]: network.secretsDir },
        env: {
          METROCHAIN_CCAAS_ADDRESS: 'ccserver.ptb.example:9999',
          METROCHAIN_CCAAS_ROOT_CERT_FILE: network.inImage(rootCert),
        },
      });
      assert.equal(run.code, 0, run.stderr);
      const connection = JSON.parse(run.stdout) as Record<string, unknown>;
      assert.equal(connection['address'], 'ccserver.ptb.example:9999');
      assert.equal(connection['root_cert'], readFileSync(rootCert, 'utf8'));
      assert.equal(connection['tls_required'], true);
    });

    it('peer: the peer CLI with the baked core.yaml lists the channel on a running peer, as the join Job will', async () => {
      const org = firstOf(network.topology.orgs, 'organisation');
      const node = firstOf(org.peers, 'peer');
      const run = await runInImage('peer', ['/usr/local/bin/peer', 'channel', 'list'], {
        binds: { [SECRETS]: network.secretsDir },
        env: {
          CORE_PEER_LOCALMSPID: org.mspId,
          CORE_PEER_MSPCONFIGPATH: network.inImage(network.material.orgAdminMsp(org)),
          CORE_PEER_ADDRESS: `${node.host}:${String(node.port)}`,
          CORE_PEER_TLS_ROOTCERT_FILE: network.inImage(
            path.join(network.material.peerDir(org, node), 'tls', 'ca.crt'),
          ),
        },
      });
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`^${network.topology.channel}$`, 'm'));
    });

    it("peer and orderer: the charts' identity init scripts run in their images and lay out a node's MSP", async () => {
      const nodes = identityCases(network.topology, network.material);
      for (const node of nodes) {
        const sources = projectIdentity(node.nodeDir, node.folder);
        try {
          const run = await runInImage(
            node.image,
            [
              '/usr/bin/sh',
              '-c',
              `sh /scripts/${NODE_IDENTITY_SCRIPT} && ls -R /tmp/identity && cat /tmp/identity/msp/config.yaml`,
            ],
            {
              isolateNetwork: true,
              binds: { '/sources': sources, '/scripts': node.scripts },
              env: {
                ...node.env,
                POD_NAME: node.pod,
                IDENTITY_SOURCES: '/sources',
                IDENTITY_DIR: '/tmp/identity',
              },
            },
          );
          assert.equal(run.code, 0, `${node.image}: ${run.stderr}`);
          assert.ok(run.stdout.includes(`runs as ${node.runsAs} (from Secret `), run.stdout);
          for (const file of ['cert.pem', 'key.pem', 'ca.pem', 'server.crt', 'server.key', 'config.yaml']) {
            assert.match(run.stdout, new RegExp(`^${file}$`, 'm'), `${node.image}: ${file}`);
          }
          assert.match(run.stdout, /OrdererOUIdentifier:/);
        } finally {
          rmSync(sources, { recursive: true, force: true });
        }
      }
    });

    it('orderer: `orderer version`; osnadmin lists the channel on a running orderer', async () => {
      const version = await runInImage('orderer', ['/usr/local/bin/orderer', 'version'], {
        isolateNetwork: true,
      });
      assert.equal(version.code, 0, version.stderr);
      assert.match(version.stdout, /^orderer:\n Version: /);
      const orderer = firstOf(network.topology.orderers, 'orderer');
      const admin = network.material.ordererAdminTls();
      const run = await runInImage(
        'orderer',
        [
          '/usr/local/bin/osnadmin',
          'channel',
          'list',
          '--orderer-address',
          `${orderer.host}:${String(orderer.adminPort)}`,
          '--ca-file',
          network.inImage(network.material.ordererTlsCa()),
          '--client-cert',
          network.inImage(admin.cert),
          '--client-key',
          network.inImage(admin.key),
        ],
        { binds: { [SECRETS]: network.secretsDir } },
      );
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`"name": "${network.topology.channel}"`));
    });

    it("chaincode: runs the workspace's bundle (same LR fingerprint) and answers a peer's Connect with REGISTER under the package id", async () => {
      const identity = await runInImage(
        'chaincode',
        ['/usr/bin/node', '-e', "process.stdout.write(require('/app/bundle/index.js').lr.fingerprint)"],
        { isolateNetwork: true },
      );
      assert.equal(identity.code, 0, identity.stderr);
      const built = JSON.parse(
        readFileSync(path.join(REPO_ROOT, 'chaincode', 'bundle', 'fingerprint.json'), 'utf8'),
      ) as { fingerprint: string };
      assert.equal(identity.stdout, built.fingerprint);

      const org = firstOf(network.topology.orgs, 'organisation');
      const tls = network.material.chaincodeServerTls(org);
      const address = `127.0.0.1:${String(await freePort())}`;
      const server = startInImage('chaincode', ['/usr/bin/node', '/app/chaincode-server.js'], {
        binds: { [SECRETS]: network.secretsDir },
        env: {
          CHAINCODE_ID: network.packageId,
          CHAINCODE_SERVER_ADDRESS: address,
          CHAINCODE_TLS_CERT_FILE: network.inImage(tls.cert),
          CHAINCODE_TLS_KEY_FILE: network.inImage(tls.key),
          METROCHAIN_ORG: org.name,
          METROCHAIN_FE_CACHE_DIR: '/tmp/fe',
        },
      });
      try {
        const message = await connectWhenListening(address, readFileSync(tls.rootCert), server);
        assert.equal(message.getType(), peer.ChaincodeMessage.Type.REGISTER);
        assert.equal(registeredChaincodeId(message), network.packageId);
      } finally {
        const exit = await server.stop();
        assert.ok(
          stoppedCleanly(exit),
          `the chaincode server did not stop on SIGTERM (${JSON.stringify(exit)})`,
        );
      }
    });

    for (const service of SERVICES) {
      it(`${service}: ready on a port of its own, against the running network`, async () => {
        const port = await freePort();
        const running = startInImage(service, ['/usr/bin/node', '/app/main.js'], {
          binds: { [SECRETS]: network.secretsDir },
          env: {
            PORT: String(port),
            METROCHAIN_NETWORK_FILE: `${SECRETS}/network.json`,
            METROCHAIN_ORG: firstOf(network.topology.orgs, 'organisation').name,
            // The devnet's own registration instances keep publishing lifecycle events; this one must not compete.
            ...(service === 'registration' ? { REGISTRATION_LIFECYCLE_PUBLISHER: 'off' } : {}),
          },
        });
        try {
          const body = await readyAnswer(`http://127.0.0.1:${String(port)}/health/ready`, running);
          assert.equal(body['status'], 'ready', JSON.stringify(body));
        } finally {
          const exit = await running.stop();
          assert.ok(
            stoppedCleanly(exit),
            `${service} did not stop on SIGTERM (${JSON.stringify(exit)}):\n${running.output().slice(-3000)}`,
          );
        }
      });
    }
  },
);

/** Polls the readiness route until it answers 200; fails at once (with the output) if the process ends. */
async function readyAnswer(url: string, running: RunningImage): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 90_000;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    assert.ok(
      !running.exited(),
      `the process ended before ${url} answered:\n${running.output().slice(-3000)}`,
    );
    try {
      const response = await fetch(url);
      const body = (await response.json()) as Record<string, unknown>;
      if (response.status === 200) return body;
      last = `${String(response.status)} ${JSON.stringify(body)}`;
    } catch (error) {
      last = String(error);
    }
    await delay(500);
  }
  assert.fail(`${url} not ready within 90 s (last: ${last}):\n${running.output().slice(-3000)}`);
}

/** Retries the peer-like connect until the server listens (it loads the contracts first). */
async function connectWhenListening(
  address: string,
  rootCert: Buffer,
  server: RunningImage,
): Promise<peer.ChaincodeMessage> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    assert.ok(!server.exited(), `the chaincode server ended:\n${server.output().slice(-3000)}`);
    try {
      return await firstChaincodeMessage(address, rootCert, 5_000);
    } catch (error) {
      if (Date.now() > deadline)
        assert.fail(`no REGISTER from ${address}: ${String(error)}\n${server.output().slice(-3000)}`);
      await delay(500);
    }
  }
}
