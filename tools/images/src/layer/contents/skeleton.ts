import { type LayerTree, MERGED_USR_LINKS } from '../layer-tree';

export const IMAGE_USER = { name: 'nonroot', uid: 65532, gid: 65532, home: '/home/nonroot' } as const;

const PASSWD = `root:x:0:0:root:/root:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
${IMAGE_USER.name}:x:${IMAGE_USER.uid}:${IMAGE_USER.gid}:${IMAGE_USER.name}:${IMAGE_USER.home}:/usr/sbin/nologin
`;

const GROUP = `root:x:0:
nogroup:x:65534:
${IMAGE_USER.name}:x:${IMAGE_USER.gid}:
`;

// Without this file glibc asks DNS before /etc/hosts; Kubernetes writes the pod's names into /etc/hosts.
const NSSWITCH = `passwd: files
group: files
shadow: files
hosts: files dns
networks: files
protocols: files
services: files
`;

/** What every image has before any package: the folders of a Debian 12 root, users, merged /usr, a sticky /tmp. */
export function writeSkeleton(tree: LayerTree): void {
  for (const dir of [
    '/etc',
    '/usr/bin',
    '/usr/sbin',
    '/usr/lib',
    '/usr/lib64',
    '/usr/local/bin',
    '/var',
    '/run',
  ]) {
    tree.directory(dir);
  }
  // Mount points the container runtime fills.
  for (const dir of ['/proc', '/sys', '/dev']) {
    tree.directory(dir);
  }
  tree.directory('/root', 0o700);
  tree.directory('/tmp', 0o1777);
  tree.directory('/home');
  tree.directory(IMAGE_USER.home, 0o700, '65532:65532');
  for (const [link, target] of Object.entries(MERGED_USR_LINKS)) {
    tree.symlink(link, target);
  }
  tree.file('/etc/passwd', PASSWD);
  tree.file('/etc/group', GROUP);
  tree.file('/etc/nsswitch.conf', NSSWITCH);
}
