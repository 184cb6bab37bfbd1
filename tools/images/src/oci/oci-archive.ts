import { runCommand } from '../run-command';

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
}

export interface ArchiveSummary {
  /** Digest of the image manifest: what `image.digest` in the charts' values pins. */
  manifestDigest: string;
  layers: Descriptor[];
  /** Compressed size of all layers, as pulled. */
  compressedBytes: number;
  labels: Record<string, string>;
}

async function blob(file: string, digest: string): Promise<unknown> {
  const [algorithm, hex] = digest.split(':');
  return JSON.parse(
    await runCommand('tar', ['-xOf', file, `blobs/${String(algorithm)}/${String(hex)}`]),
  ) as unknown;
}

/** Reads the manifest and configuration of the one image in an OCI archive written by exportArchive. */
export async function summariseArchive(file: string): Promise<ArchiveSummary> {
  const index = JSON.parse(await runCommand('tar', ['-xOf', file, 'index.json'])) as {
    manifests: Descriptor[];
  };
  const [manifestDescriptor] = index.manifests;
  if (manifestDescriptor === undefined) throw new Error(`${file} holds no image`);
  const manifest = (await blob(file, manifestDescriptor.digest)) as {
    config: Descriptor;
    layers: Descriptor[];
  };
  const config = (await blob(file, manifest.config.digest)) as {
    config?: { Labels?: Record<string, string> };
  };
  return {
    manifestDigest: manifestDescriptor.digest,
    layers: manifest.layers,
    compressedBytes: manifest.layers.reduce((sum, layer) => sum + layer.size, 0),
    labels: config.config?.Labels ?? {},
  };
}
