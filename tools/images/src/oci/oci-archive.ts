import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCommand } from '../run-command';

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

export const REF_NAME = 'org.opencontainers.image.ref.name';

export interface ImageSummary {
  /** Digest of the image manifest: what `image.digest` in the charts' values pins. */
  manifestDigest: string;
  layers: Descriptor[];
  /** Compressed size of all layers, as pulled. */
  compressedBytes: number;
  labels: Record<string, string>;
}

function blobPath(layout: string, digest: string): string {
  const [algorithm = '', hex = ''] = digest.split(':');
  return path.join(layout, 'blobs', algorithm, hex);
}

interface Manifest {
  config: Descriptor;
  layers: Descriptor[];
}

function readManifest(layout: string, digest: string): Manifest {
  return JSON.parse(readFileSync(blobPath(layout, digest), 'utf8')) as Manifest;
}

function readLabels(layout: string, digest: string): Record<string, string> {
  const config = JSON.parse(readFileSync(blobPath(layout, digest), 'utf8')) as {
    config?: { Labels?: Record<string, string> };
  };
  return config.config?.Labels ?? {};
}

function manifestEntry(layout: string, name: string): Descriptor {
  const index = JSON.parse(readFileSync(path.join(layout, 'index.json'), 'utf8')) as {
    manifests: Descriptor[];
  };
  const entry = index.manifests.find((candidate) => candidate.annotations?.[REF_NAME] === name);
  if (entry === undefined) throw new Error(`${layout} holds no image named ${name}`);
  return entry;
}

/** The manifest digest, layers and labels of the image named `name` in an OCI layout folder. */
export function summariseImage(layout: string, name: string): ImageSummary {
  const entry = manifestEntry(layout, name);
  const manifest = readManifest(layout, entry.digest);
  return {
    manifestDigest: entry.digest,
    layers: manifest.layers,
    compressedBytes: manifest.layers.reduce((sum, layer) => sum + layer.size, 0),
    labels: readLabels(layout, manifest.config.digest),
  };
}

/**
 * Writes one image of the layout as an OCI archive (a tar of a layout holding only that image), byte for byte the
 * same for the same image: sorted entries, epoch times, root owner.
 */
export async function writeImageArchive(layout: string, name: string, file: string): Promise<void> {
  const entry = manifestEntry(layout, name);
  const manifest = readManifest(layout, entry.digest);
  const staging = mkdtempSync(`${file}.staging-`);
  try {
    for (const digest of [
      entry.digest,
      manifest.config.digest,
      ...manifest.layers.map((layer) => layer.digest),
    ]) {
      const target = blobPath(staging, digest);
      mkdirSync(path.dirname(target), { recursive: true });
      rmSync(target, { force: true });
      linkSync(blobPath(layout, digest), target);
    }
    writeFileSync(path.join(staging, 'oci-layout'), readFileSync(path.join(layout, 'oci-layout')));
    writeFileSync(path.join(staging, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [entry] }));
    rmSync(file, { force: true });
    await runCommand('tar', [
      '--sort=name',
      '--mtime=@0',
      '--owner=0',
      '--group=0',
      '--numeric-owner',
      '--mode=a+r',
      '-cf',
      file,
      '-C',
      staging,
      'oci-layout',
      'index.json',
      'blobs',
    ]);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
