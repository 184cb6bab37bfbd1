import assert from 'node:assert/strict';
import { lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { isDomainError } from '@metrochain/errors';
import { ImageErrorCode } from '../image-error';
import { mergedUsrPath } from './contents/debian-files';
import { writeSkeleton } from './contents/skeleton';
import { LayerTree } from './layer-tree';

const scratch = mkdtempSync(path.join(tmpdir(), 'metrochain-layer-'));
after(() => {
  rmSync(scratch, { recursive: true, force: true });
});
let trees = 0;
const freshTree = (): LayerTree => new LayerTree(path.join(scratch, `tree-${String(trees++)}`));
const conflict = (error: unknown): boolean =>
  isDomainError(error) && error.code === ImageErrorCode.LAYER_CONFLICT;

describe('LayerTree', () => {
  it('writes files with their mode, parents 0755', () => {
    const tree = freshTree();
    tree.file('/opt/tool/bin/run', '#!/bin/sh\n', 0o755);
    assert.equal(lstatSync(tree.hostPath('/opt/tool/bin/run')).mode & 0o7777, 0o755);
    assert.equal(lstatSync(tree.hostPath('/opt/tool')).mode & 0o7777, 0o755);
  });

  it('accepts the same file twice but refuses two different contents for one path', () => {
    const tree = freshTree();
    tree.file('/etc/a', 'one');
    tree.file('/etc/a', 'one');
    assert.throws(() => {
      tree.file('/etc/a', 'two');
    }, conflict);
    tree.symlink('/usr/bin/awk', 'mawk');
    tree.symlink('/usr/bin/awk', 'mawk');
    assert.throws(() => {
      tree.symlink('/usr/bin/awk', 'gawk');
    }, conflict);
  });

  it('refuses paths below the merged-/usr links and outside the root', () => {
    const tree = freshTree();
    assert.throws(() => {
      tree.file('/bin/bash', 'x');
    }, conflict);
    assert.throws(() => {
      tree.file('relative', 'x');
    }, conflict);
    assert.equal(tree.hostPath('/usr/../etc/passwd'), path.join(tree.root, 'etc', 'passwd'));
  });

  it('gives a directory to the image user when asked', () => {
    const tree = freshTree();
    tree.directory('/var/data', 0o750, '65532:65532');
    const stat = lstatSync(tree.hostPath('/var/data'));
    assert.deepEqual([stat.uid, stat.gid, stat.mode & 0o7777], [65532, 65532, 0o750]);
  });
});

describe('the skeleton', () => {
  it('has the non-root user, merged /usr and a sticky /tmp', () => {
    const tree = freshTree();
    writeSkeleton(tree);
    assert.match(readFileSync(tree.hostPath('/etc/passwd'), 'utf8'), /^nonroot:x:65532:65532:/m);
    assert.match(readFileSync(tree.hostPath('/etc/group'), 'utf8'), /^nonroot:x:65532:$/m);
    assert.equal(readlinkSync(tree.hostPath('/bin')), 'usr/bin');
    assert.equal(readlinkSync(tree.hostPath('/lib64')), 'usr/lib64');
    assert.equal(lstatSync(tree.hostPath('/tmp')).mode & 0o7777, 0o1777);
    assert.equal(lstatSync(tree.hostPath('/home/nonroot')).uid, 65532);
  });
});

describe('mergedUsrPath', () => {
  it('moves what Debian 12 packages still ship in /bin, /sbin, /lib and /lib64 below /usr', () => {
    assert.equal(mergedUsrPath('bin/bash'), '/usr/bin/bash');
    assert.equal(mergedUsrPath('lib/x86_64-linux-gnu/libc.so.6'), '/usr/lib/x86_64-linux-gnu/libc.so.6');
    assert.equal(mergedUsrPath('lib64/ld-linux-x86-64.so.2'), '/usr/lib64/ld-linux-x86-64.so.2');
    assert.equal(mergedUsrPath('usr/bin/mawk'), '/usr/bin/mawk');
    assert.equal(mergedUsrPath('etc/debian_version'), '/etc/debian_version');
    assert.equal(mergedUsrPath('library/x'), '/library/x');
  });
});
