import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { REF_NAME, summariseImage, writeImageArchive } from './oci-archive';

const scratch = mkdtempSync(path.join(tmpdir(), 'metrochain-oci-'));
after(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function blob(layout: string, content: string): { digest: string; size: number } {
  const hex = createHash('sha256').update(content).digest('hex');
  mkdirSync(path.join(layout, 'blobs', 'sha256'), { recursive: true });
  writeFileSync(path.join(layout, 'blobs', 'sha256', hex), content);
  return { digest: `sha256:${hex}`, size: Buffer.byteLength(content) };
}

/** A layout with two images sharing one layer, as buildah leaves dist/images/oci. */
function layout(): string {
  const dir = path.join(scratch, 'layout');
  const shared = blob(dir, 'shared layer');
  const manifests = ['a', 'b'].map((name) => {
    const config = blob(dir, JSON.stringify({ config: { Labels: { image: name } } }));
    const own = blob(dir, `layer of ${name}`);
    const manifest = JSON.stringify({
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
      layers: [shared, own].map((layer) => ({
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        ...layer,
      })),
    });
    return {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      ...blob(dir, manifest),
      annotations: { [REF_NAME]: name },
    };
  });
  writeFileSync(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  writeFileSync(path.join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests }));
  return dir;
}

describe('OCI archives of one image out of the shared layout', () => {
  const dir = layout();

  it('summarise the manifest digest, layers and labels', () => {
    const summary = summariseImage(dir, 'b');
    assert.equal(summary.layers.length, 2);
    assert.equal(
      summary.compressedBytes,
      Buffer.byteLength('shared layer') + Buffer.byteLength('layer of b'),
    );
    assert.deepEqual(summary.labels, { image: 'b' });
    assert.throws(() => summariseImage(dir, 'c'));
  });

  it('hold only that image and are the same bytes every time', async () => {
    const first = path.join(scratch, 'b-1.tar');
    const second = path.join(scratch, 'b-2.tar');
    await writeImageArchive(dir, 'b', first);
    await writeImageArchive(dir, 'b', second);
    assert.deepEqual(readFileSync(first), readFileSync(second));
    const entries = execFileSync('tar', ['-tf', first], { encoding: 'utf8' }).trim().split('\n');
    assert.equal(
      entries.filter((entry) => entry.startsWith('blobs/sha256/') && !entry.endsWith('/')).length,
      4,
    );
    const index = JSON.parse(execFileSync('tar', ['-xOf', first, 'index.json'], { encoding: 'utf8' })) as {
      manifests: { annotations: Record<string, string> }[];
    };
    assert.deepEqual(
      index.manifests.map((manifest) => manifest.annotations[REF_NAME]),
      ['b'],
    );
  });
});
