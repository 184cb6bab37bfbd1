import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cachedDeb } from '../../debian/debian-cache';
import { type DebianPins, pinnedVersion } from '../../debian/debian-pins';
import type { LayerTree } from '../layer-tree';
import { recordPackage } from './debian-files';

export const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/**
 * The bundle update-ca-certificates would write from the package's Mozilla roots (Go's crypto/x509 and OpenSSL
 * read this file; Node uses its own copy of the same roots unless told otherwise).
 */
export async function writeCaCertificates(tree: LayerTree, pins: DebianPins): Promise<void> {
  const deb = await cachedDeb('ca-certificates', pinnedVersion(pins, 'ca-certificates'));
  const dir = path.join(deb.root, 'usr', 'share', 'ca-certificates', 'mozilla');
  const certificates = readdirSync(dir)
    .filter((name) => name.endsWith('.crt'))
    .sort()
    .map((name) => readFileSync(path.join(dir, name), 'utf8'))
    .map((pem) => (pem.endsWith('\n') ? pem : `${pem}\n`));
  tree.file(CA_BUNDLE, certificates.join(''));
  await recordPackage(tree, deb);
}
