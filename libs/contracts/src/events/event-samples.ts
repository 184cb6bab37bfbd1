import type { Reading } from './shared/reading';
import type { EventKey, EventValue, TopicName } from './topics';

export type EventSample<T extends TopicName> = Readonly<{ key: EventKey<T>; value: EventValue<T> }>;
export type EventSamples = { readonly [T in TopicName]: EventSample<T> };

const METER_ID = 'meter-ptb-0001';
const TX_ID = '5d96d0098fdf614ffcd03284835dd1d18933cffa14e6808c7e9c154de99c6810';
const LR_FINGERPRINT = 'a9e11f1cf6ee1c9595237285c9e981bfd88d37cdc4c00e5827822bad10056f14';

const reading: Reading = {
  meterId: METER_ID,
  seq: 42,
  measuredAt: '2025-06-01T12:00:00.000Z',
  kind: 'speed',
  payload: { loopDistanceM: 2.5, sampleRateHz: 10000, loopA: [0, 3, 9, 4, 0], loopB: [0, 0, 2, 8, 5] },
  signature:
    'MEQCIAH6iXyRiymBaHY1GzdZnBeC/VhRb7d09IokTNPSeGxVAiATRTxw6OSyn/Om/WRCMz/8vQm2nylKk3YBjcaePaKzAQ==',
};

/**
 * One valid event per topic. Tests, integration tests and smoke checks start from these, so that every producer
 * and consumer test exercises the real schemas rather than hand-made look-alikes.
 */
export const EVENT_SAMPLES: EventSamples = {
  'meter.lifecycle.v1': {
    key: METER_ID,
    value: {
      meterId: METER_ID,
      type: 'activated',
      status: 'active',
      publicKeyPem:
        '-----BEGIN PUBLIC KEY-----\n' +
        'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEXKDWdSgbsMfuvE7VFcEv0M/g/NL5\n' +
        'AAN/+Njw4Nl41XQ5mKPxQSyuIB2EGtoEqxdmxHKE3HIpQN0g1ifzPxMFIg==\n' +
        '-----END PUBLIC KEY-----\n',
      attestedBy: ['PTBMSP', 'InmetroMSP'],
      occurredAt: '2025-06-01T10:00:00.000Z',
      txId: TX_ID,
      blockNumber: 17,
    },
  },
  'readings.received.v1': {
    key: METER_ID,
    value: { reading, receivedAt: '2025-06-01T12:00:00.250Z' },
  },
  'readings.verified.v1': {
    key: METER_ID,
    value: { reading, verifiedBy: 'PTBMSP', verifiedAt: '2025-06-01T12:00:00.300Z' },
  },
  'readings.rejected.v1': {
    key: METER_ID,
    value: {
      reading,
      reason: 'SEQ_REPLAYED',
      detail: 'seq 42 already seen',
      rejectedBy: 'PTBMSP',
      rejectedAt: '2025-06-01T12:00:00.300Z',
    },
  },
  'measurements.recorded.v1': {
    key: METER_ID,
    value: {
      meterId: METER_ID,
      seq: 42,
      measuredAt: '2025-06-01T12:00:00.000Z',
      result: { kind: 'speed', speedKmh: 87.3, activationAS: 0.0125, activationBS: 0.1362, deltaTS: 0.1237 },
      readingDigest: LR_FINGERPRINT,
      lrFingerprint: LR_FINGERPRINT,
      recordedAt: '2025-06-01T12:00:01.000Z',
      txId: TX_ID,
      blockNumber: 18,
    },
  },
  'verifications.v1': {
    key: METER_ID,
    value: {
      verificationId: 'vb-InmetroMSP-mbq2x1k0-7f3a.17',
      source: 'pipeline',
      meterId: METER_ID,
      seq: 42,
      dataDigest: LR_FINGERPRINT,
      measuredAt: '2025-06-01T12:00:00.000Z',
      meterStatus: 'active',
      keyFingerprint: TX_ID,
      attestedBy: ['PTBMSP', 'InmetroMSP'],
      outcome: 'invalid',
      reason: 'SIGNATURE_INVALID',
      verifiedBy: 'InmetroMSP',
      checkedAt: '2025-06-01T12:00:00.300Z',
    },
  },
  'billing.statements.v1': {
    key: 'account-4711',
    value: {
      accountId: 'account-4711',
      utility: 'stadtwerke-nord',
      customer: 'customer-0001',
      meterId: METER_ID,
      period: '2025-05',
      status: 'complete',
      tariffId: 'tou-2025',
      tariffVersion: 1,
      currency: 'EUR',
      keyId: 'key-2025',
      slotsExpected: 2976,
      slotsReceived: 2976,
      missing: [],
      ciphertextSetSha256: 'f'.repeat(64),
      innerProductMilliMinor: 84_503_250,
      amountMinor: 84_503,
      revision: 1,
      computedByMsp: 'PTBMSP',
      computedAt: '2025-06-04T02:00:00.000Z',
      txId: TX_ID,
      blockNumber: 19,
    },
  },
  'audit.findings.v1': {
    key: `meter:${METER_ID}`,
    value: {
      findingId: '69c98a3b-7733-4b07-a05e-6ea8e3a7d37a',
      subject: `meter:${METER_ID}`,
      category: 'lr-mismatch',
      severity: 'critical',
      summary: 'Re-execution of the LR software gave 86.1 km/h, the ledger holds 87.3 km/h',
      evidence: { txId: TX_ID, recomputedKmh: 86.1, recordedKmh: 87.3 },
      detectedBy: 'PTBMSP',
      detectedAt: '2025-06-02T08:00:00.000Z',
    },
  },
};
