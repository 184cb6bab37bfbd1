import type { NetworkProfile, PeerProfile } from '@metrochain/config';

const peer = (index: number, endpoint: string, tlsRootCertPath: string): PeerProfile => ({
  name: `peer${String(index)}.ptb.metrochain.local`,
  endpoint,
  tlsRootCertPath,
});

/** A one-organisation profile for specs; `files` points the TLS root, cert and key at real files when needed. */
export function testProfile(
  files: Readonly<{ tlsRootCertPath: string; certPath: string; keyPath: string }> = {
    tlsRootCertPath: '/crypto/ptb/ca.crt',
    certPath: '/crypto/cert.pem',
    keyPath: '/crypto/key.pem',
  },
  endpoints: readonly string[] = ['127.0.0.1:18000', '127.0.0.1:18010'],
): NetworkProfile {
  return {
    channel: 'nmichannel',
    chaincode: 'metrochain',
    organizations: {
      PTB: {
        mspId: 'PTBMSP',
        peers: endpoints.map((endpoint, index) => peer(index, endpoint, files.tlsRootCertPath)),
        identities: { registration: { certPath: files.certPath, keyPath: files.keyPath, role: 'registrar' } },
      },
    },
    orderers: [
      {
        name: 'orderer1',
        endpoint: '127.0.0.1:17051',
        adminEndpoint: '127.0.0.1:17151',
        tlsRootCertPath: '/ca.crt',
      },
    ],
    kafka: { brokers: ['127.0.0.1:19092'] },
    redis: { url: 'redis://127.0.0.1:16379' },
    identity: { issuers: [], principals: [] },
  };
}
