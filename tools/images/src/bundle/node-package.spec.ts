import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { LayerTree } from '../layer/layer-tree';
import { REPO_ROOT } from '../paths';
import { writeNodePackage } from './node-package';

const scratch = mkdtempSync(path.join(tmpdir(), 'metrochain-node-package-'));
after(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

const built = existsSync(path.join(REPO_ROOT, 'chaincode', 'dist', 'index.js'))
  ? false
  : 'run npm run build first';

describe('the chaincode as a node package in an image', { skip: built }, () => {
  const tree = new LayerTree(path.join(scratch, 'layer'));
  writeNodePackage(tree, 'chaincode', '/app');
  const app = tree.hostPath('/app');

  it('has the package.json fields fabric-shim and the chaincode read, and its compiled code without tests', () => {
    const manifest = JSON.parse(readFileSync(path.join(app, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    assert.deepEqual(Object.keys(manifest), ['name', 'version', 'main']);
    assert.ok(existsSync(path.join(app, String(manifest['main']))));
    const code = filesBelow(path.join(app, 'dist'));
    assert.ok(code.length > 10);
    assert.ok(
      code.every((file) => file.endsWith('.js') && !file.endsWith('.spec.js') && !file.includes('testing/')),
    );
  });

  it("ships exactly the files @metrochain/lr fingerprints, so the image computes the workspace's fingerprint", () => {
    const workspace = filesBelow(path.join(REPO_ROOT, 'libs', 'lr', 'dist')).filter(
      (file) => file.endsWith('.js') && !file.endsWith('.spec.js') && !file.split('/').includes('testing'),
    );
    const shipped = filesBelow(path.join(app, 'node_modules', '@metrochain', 'lr'));
    assert.deepEqual(shipped, ['package.json', ...workspace.map((file) => `dist/${file}`)].sort());
    for (const file of workspace) {
      assert.deepEqual(
        readFileSync(path.join(app, 'node_modules', '@metrochain', 'lr', 'dist', file)),
        readFileSync(path.join(REPO_ROOT, 'libs', 'lr', 'dist', file)),
      );
    }
  });

  it('mirrors the installed dependency tree, nested versions included, without declarations or maps', () => {
    for (const name of ['fabric-shim', 'fabric-contract-api', 'zod', '@grpc/grpc-js', '@metrochain/fe']) {
      assert.ok(existsSync(path.join(app, 'node_modules', name, 'package.json')), name);
    }
    for (const nested of [
      'node_modules/fabric-shim/node_modules/@hyperledger/fabric-protos',
      'node_modules/fabric-contract-api/node_modules/reflect-metadata',
    ]) {
      assert.equal(existsSync(path.join(app, nested)), existsSync(path.join(REPO_ROOT, nested)), nested);
    }
    assert.deepEqual(
      filesBelow(path.join(app, 'node_modules')).filter((file) => /\.(d\.ts|map)$/.test(file)),
      [],
    );
  });
});
