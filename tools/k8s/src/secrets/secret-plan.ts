import path from 'node:path';
import { MSP_KEYS, NODE_IDENTITY_KEYS, type NodeIdentityKey } from './secret-names';

/**
 * Where one key's bytes come from: a file, or the only file of a folder (cryptogen names a node's signing
 * certificate `<node>-cert.pem` and its key `priv_sk`, so an MSP folder is read by position, not by name).
 * Relative paths are relative to the crypto root; absolute ones (the channel block) stand as given.
 */
export type EntrySource = { readonly file: string } | { readonly onlyFileIn: string };

export interface PlannedEntry {
  readonly key: string;
  readonly source: EntrySource;
}

/** One object to write: its kind, where it goes and which file each key is read from. */
export interface ObjectPlan {
  readonly kind: 'Secret' | 'ConfigMap';
  readonly namespace: string;
  readonly name: string;
  /** What the object is for, named in error messages (e.g. "PTB peer 2 (peer2.ptb.metrochain.local)"). */
  readonly purpose: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The folder all entries come from, when there is one: its absence is reported once, not per key. */
  readonly folder?: string;
  readonly entries: readonly PlannedEntry[];
}

const NODE_SOURCES: Record<NodeIdentityKey, (dir: string) => EntrySource> = {
  'signcert.pem': (dir) => ({ onlyFileIn: path.join(dir, 'msp', 'signcerts') }),
  'key.pem': (dir) => ({ onlyFileIn: path.join(dir, 'msp', 'keystore') }),
  'cacert.pem': (dir) => ({ onlyFileIn: path.join(dir, 'msp', 'cacerts') }),
  'tlscacert.pem': (dir) => ({ onlyFileIn: path.join(dir, 'msp', 'tlscacerts') }),
  'tls.crt': (dir) => ({ file: path.join(dir, 'tls', 'server.crt') }),
  'tls.key': (dir) => ({ file: path.join(dir, 'tls', 'server.key') }),
  'ca.crt': (dir) => ({ file: path.join(dir, 'tls', 'ca.crt') }),
};

/** A peer's or orderer's cryptogen folder (msp/ and tls/) as the keys of its identity Secret. */
export function nodeIdentityEntries(nodeDir: string): PlannedEntry[] {
  return NODE_IDENTITY_KEYS.map((key) => ({ key, source: NODE_SOURCES[key](nodeDir) }));
}

/** An MSP folder (msp/signcerts, keystore, cacerts, tlscacerts) as the MSP keys of a node Secret. */
export function mspEntries(mspDir: string): PlannedEntry[] {
  const nodeDir = path.dirname(mspDir);
  return MSP_KEYS.map((key) => ({
    key,
    source: NODE_SOURCES[key](nodeDir),
  }));
}

export function fileEntry(key: string, file: string): PlannedEntry {
  return { key, source: { file } };
}
