const ptb = {
  process: 'service-registration-ptb',
  org: 'PTB',
  mspId: 'PTBMSP',
  url: 'http://127.0.0.1:3001',
};
const inmetro = { ...ptb, process: 'service-registration-inmetro', org: 'Inmetro', mspId: 'InmetroMSP' };

/**
 * A connection file's services as the devnet writes them (devnet/src/network/connection-file.ts), other sections
 * left out: two NMIs' registration instances (Inmetro's URL with a trailing slash) and PTB's verification.
 */
export const SAMPLE_NETWORK_PROFILE = {
  channel: 'nmichannel',
  services: {
    registration: [ptb, { ...inmetro, url: 'http://127.0.0.1:3011/' }],
    verification: [{ ...ptb, process: 'service-verification', url: 'http://127.0.0.1:3002' }],
  },
} as const;
