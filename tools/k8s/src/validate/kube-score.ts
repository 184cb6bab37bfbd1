import { spawnCommand } from '@metrochain/tool-kit/workspace';
import { toolPath } from '../paths';
import { K8S_VERSIONS } from '../versions';
import { CheckFailure } from './check';
import { isAllowed, readAllowances } from './kube-score-allow';

interface ScoredObject {
  type_meta: { kind: string };
  object_meta: { name: string };
  checks: {
    check: { id: string; name: string };
    grade: number;
    skipped: boolean;
    comments: { path: string; summary: string; description: string }[] | null;
  }[];
}

/** kube-score's grade of a critical finding (warnings are 5, OK 10). */
const CRITICAL = 1;

export interface KubeScoreFinding {
  check: string;
  target: string;
  object: string;
  message: string;
}

/** The CRITICAL findings of kube-score over a YAML stream (non-Kubernetes kinds are ignored by kube-score). */
export async function criticalFindings(yaml: string, target: string): Promise<KubeScoreFinding[]> {
  const minor = K8S_VERSIONS.kubernetes.split('.').slice(0, 2).join('.');
  const args = ['score', '--output-format', 'json', '--kubernetes-version', `v${minor}`, '-'];
  const result = await spawnCommand(toolPath('kube-score'), args, { input: yaml });
  let objects: ScoredObject[];
  try {
    // null when nothing in the stream is a kind kube-score scores.
    objects = (JSON.parse(result.stdout) as ScoredObject[] | null) ?? [];
  } catch {
    throw new CheckFailure('kube-score gave no report', result.stdout + result.stderr);
  }
  return objects.flatMap((scored) => {
    const object = `${scored.type_meta.kind}/${scored.object_meta.name}`;
    return scored.checks
      .filter((entry) => !entry.skipped && entry.grade === CRITICAL)
      .flatMap((entry) =>
        (entry.comments ?? [{ path: '', summary: entry.check.name, description: '' }]).map((comment) => ({
          check: entry.check.id,
          target,
          object,
          message: [comment.path === '' ? '' : `(${comment.path})`, comment.summary, comment.description]
            .filter((part) => part !== '')
            .join(' '),
        })),
      );
  });
}

/** Fails on every CRITICAL finding that tools/k8s/kube-score-allow.yaml does not explain. */
export async function kubeScore(yaml: string, target: string): Promise<void> {
  const allowances = readAllowances();
  const unexplained = (await criticalFindings(yaml, target)).filter(
    (finding) => !isAllowed(allowances, finding),
  );
  if (unexplained.length > 0) {
    throw new CheckFailure(
      `kube-score: ${unexplained.length} CRITICAL finding(s) not in tools/k8s/kube-score-allow.yaml`,
      unexplained
        .map((finding) => `[CRITICAL] ${finding.object}: ${finding.check}: ${finding.message}`)
        .join('\n'),
    );
  }
}
