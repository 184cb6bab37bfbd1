import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../paths';

export const SECRETS_USAGE = `metrochain-k8s secrets [options]

  Turns crypto material in the cryptogen layout (the local network's .devnet/crypto) into Secret manifests for
  the charts' default names: kubectl apply -f the output. The output holds private keys: never commit it.

  --crypto <dir>              the crypto folder (default: .devnet/crypto, or $METROCHAIN_DEVNET_DIR/crypto)
  --nmi <name>                an NMI as the charts name it (PTB, Inmetro); repeat for several (default: every
                              organisation of the network.json beside the crypto folder)
  --peers <n>                 peer ordinals 0..n-1 of each NMI (default: as many as the folder holds); fails
                              when an ordinal has no material
  --orderers <n>              orderer ordinals 0..n-1, i.e. orderer1..orderer<n> (default: as many as found)
  --orderers-namespace <ns>   namespace of the orderers release (default: metrochain-orderers)
  --block <file>              the channel's config block: adds the block Secrets of both charts
  --out <dir>                 one file per namespace, <dir>/<namespace>.yaml (mode 0600); default: stdout`;

export interface SecretsOptions {
  readonly crypto: string;
  readonly nmis: readonly string[];
  /** Every NMI of the channel (the services' TLS roots), a superset of `nmis`. */
  readonly channelNmis: readonly string[];
  readonly peers: number | undefined;
  readonly orderers: number | undefined;
  readonly orderersNamespace: string | undefined;
  readonly block: string | undefined;
  readonly out: string | undefined;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n\n${SECRETS_USAGE}`);
    this.name = 'UsageError';
  }
}

function count(value: string | undefined, option: string): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!/^[1-9][0-9]*$/.test(value)) {
    throw new UsageError(`${option} takes a positive whole number, not ${value}`);
  }
  return Number(value);
}

/** The organisations (NMIs) of the local network that wrote this crypto folder, by name, from its network.json. */
function devnetNmis(crypto: string): string[] {
  const file = path.join(path.dirname(crypto), 'network.json');
  if (!existsSync(file)) {
    return [];
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { organizations?: Record<string, unknown> };
  return Object.keys(profile.organizations ?? {});
}

function defaultCrypto(): string {
  return path.join(process.env['METROCHAIN_DEVNET_DIR'] ?? path.join(REPO_ROOT, '.devnet'), 'crypto');
}

function unique(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => !seen.has(name.toLowerCase()) && seen.add(name.toLowerCase()));
}

export function parseSecretsOptions(argv: readonly string[]): SecretsOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      crypto: { type: 'string' },
      nmi: { type: 'string', multiple: true },
      peers: { type: 'string' },
      orderers: { type: 'string' },
      'orderers-namespace': { type: 'string' },
      block: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const crypto = path.resolve(values.crypto ?? defaultCrypto());
  if (!existsSync(crypto)) {
    throw new UsageError(`no crypto folder ${crypto} (start the local network once, or pass --crypto)`);
  }
  const known = devnetNmis(crypto);
  const nmis = unique(values.nmi ?? known);
  if (nmis.length === 0) {
    throw new UsageError(`name the NMIs with --nmi: no network.json beside ${crypto}`);
  }
  const block = values.block === undefined ? undefined : path.resolve(values.block);
  if (block !== undefined && !existsSync(block)) {
    throw new UsageError(`no channel block ${block}`);
  }
  return {
    crypto,
    nmis,
    channelNmis: unique([...known, ...nmis]),
    peers: count(values.peers, '--peers'),
    orderers: count(values.orderers, '--orderers'),
    orderersNamespace: values['orderers-namespace'],
    block,
    out: values.out === undefined ? undefined : path.resolve(values.out),
  };
}
