import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { CHAINCODE_SERVER_ENV } from '@metrochain/deployment';
import { isDomainError } from '@metrochain/errors';
import { effectiveConfig } from '../image-metadata';
import { ImageErrorCode } from '../image-error';
import { loadRecipes, recipeChain, selectRecipes } from './recipes';

const recipes = loadRecipes();
const configOf = (name: string): ReturnType<typeof effectiveConfig> =>
  effectiveConfig(recipeChain(recipes, name));
const SERVICE_PORTS = {
  registration: 3001,
  verification: 3002,
  measurement: 3003,
  billing: 3004,
  audit: 3005,
};

const scratch = mkdtempSync(path.join(tmpdir(), 'metrochain-recipes-'));
after(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function writeRecipes(name: string, files: Record<string, unknown>): string {
  const dir = path.join(scratch, name);
  for (const [recipe, content] of Object.entries(files)) {
    mkdirSync(path.join(dir, recipe), { recursive: true });
    writeFileSync(path.join(dir, recipe, 'image.json'), JSON.stringify(content));
  }
  return dir;
}

function refusedAs(code: string): (error: unknown) => boolean {
  return (error) => isDomainError(error) && error.code === code;
}

describe('the recipes under images/', () => {
  it('are valid and ordered with every image after the one it builds on', () => {
    const names = recipes.map((recipe) => recipe.name);
    for (const recipe of recipes) {
      if (recipe.from !== undefined)
        assert.ok(names.indexOf(recipe.from) < names.indexOf(recipe.name), recipe.name);
    }
    assert.deepEqual(
      recipes
        .filter((recipe) => recipe.publish)
        .map((recipe) => recipe.name)
        .sort(),
      ['audit', 'billing', 'chaincode', 'measurement', 'orderer', 'peer', 'registration', 'verification'],
    );
  });

  it('run every published image as the non-root user 65532 with an explicit entrypoint', () => {
    for (const recipe of recipes.filter((candidate) => candidate.publish)) {
      const config = configOf(recipe.name);
      assert.equal(config.user, '65532:65532', recipe.name);
      assert.ok(config.entrypoint !== undefined, recipe.name);
    }
  });

  it('keep the image contract the charts are written against', () => {
    assert.deepEqual(configOf('peer').entrypoint, ['/usr/local/bin/peer']);
    assert.deepEqual(configOf('peer').cmd, ['node', 'start']);
    assert.deepEqual(configOf('peer').ports, [7051, 7052, 9443]);
    assert.equal(configOf('peer').env?.['FABRIC_CFG_PATH'], '/etc/hyperledger/fabric');
    assert.deepEqual(configOf('orderer').entrypoint, ['/usr/local/bin/orderer']);
    assert.deepEqual(configOf('orderer').ports, [7050, 7053, 9443]);
    assert.deepEqual(configOf('chaincode').entrypoint, ['/usr/bin/node', '/app/chaincode-server.js']);
    assert.deepEqual(configOf('chaincode').ports, [9999]);
    for (const [name, value] of Object.entries(CHAINCODE_SERVER_ENV)) {
      assert.equal(configOf('chaincode').env?.[name], value, name);
    }
    for (const [service, port] of Object.entries(SERVICE_PORTS)) {
      assert.deepEqual(configOf(service).entrypoint, ['/usr/bin/node', '/app/main.js'], service);
      assert.deepEqual(configOf(service).ports, [port], service);
      assert.equal(configOf(service).env?.['PORT'], String(port), service);
    }
  });

  it("put the CCaaS builder scripts where the peer image's core.yaml points", () => {
    const peer = recipes.find((recipe) => recipe.name === 'peer');
    const config = peer?.contents.find((content) => content.kind === 'fabric-config');
    const scripts = peer?.contents.find(
      (content) => content.kind === 'files' && content.from.includes('ccaas-builder'),
    );
    assert.ok(config?.kind === 'fabric-config' && scripts?.kind === 'files');
    assert.equal(scripts.to, `${String(config.ccaasBuilder)}/bin`);
  });

  it("give both Fabric images the shell the charts' init containers and join Jobs run (sh, cp, mkdir, chmod, rm)", () => {
    for (const image of ['peer', 'orderer']) {
      const contents = recipeChain(recipes, image).flatMap((recipe) => recipe.contents);
      assert.ok(
        contents.some((content) => content.kind === 'symlink' && content.path === '/usr/bin/sh'),
        `${image}: /usr/bin/sh`,
      );
      const coreutils = contents.find((content) => content.kind === 'deb' && content.package === 'coreutils');
      assert.ok(coreutils?.kind === 'deb', `${image}: coreutils`);
      for (const tool of ['cp', 'mkdir', 'chmod', 'rm']) {
        assert.ok(
          coreutils.include.some((glob) => new RegExp(`[{,]${tool}[,}]`).test(glob)),
          `${image}: ${tool}`,
        );
      }
    }
  });

  it('select an image together with the images it builds on', () => {
    assert.deepEqual(
      selectRecipes(recipes, ['chaincode']).map((recipe) => recipe.name),
      ['base', 'node', 'chaincode'],
    );
    assert.equal(selectRecipes(recipes, []).filter((recipe) => !recipe.publish).length, 3);
  });
});

describe('loadRecipes', () => {
  const skeleton = { description: 'x', publish: false, contents: [{ kind: 'skeleton' }] };

  it('refuses an unknown kind of content', () => {
    const dir = writeRecipes('unknown-kind', {
      a: { ...skeleton, contents: [{ kind: 'download', url: 'x' }] },
    });
    assert.throws(() => loadRecipes(dir), refusedAs(ImageErrorCode.RECIPE_INVALID));
  });

  it('refuses recipes built on a missing recipe or on each other', () => {
    const missing = writeRecipes('missing', { a: { ...skeleton, from: 'nothing' } });
    assert.throws(() => loadRecipes(missing), refusedAs(ImageErrorCode.RECIPE_INVALID));
    const cycle = writeRecipes('cycle', { a: { ...skeleton, from: 'b' }, b: { ...skeleton, from: 'a' } });
    assert.throws(() => loadRecipes(cycle), refusedAs(ImageErrorCode.RECIPE_INVALID));
  });

  it('refuses relative image paths and unknown owners', () => {
    const relative = writeRecipes('relative', {
      a: { ...skeleton, contents: [{ kind: 'symlink', path: 'usr/bin/sh', target: 'bash' }] },
    });
    assert.throws(() => loadRecipes(relative), refusedAs(ImageErrorCode.RECIPE_INVALID));
    const owner = writeRecipes('owner', {
      a: { ...skeleton, contents: [{ kind: 'directory', path: '/data', mode: '0755', owner: '1000:1000' }] },
    });
    assert.throws(() => loadRecipes(owner), refusedAs(ImageErrorCode.RECIPE_INVALID));
  });
});
