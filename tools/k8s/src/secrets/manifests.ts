import { stringify } from 'yaml';
import type { ResolvedObject } from './read-material';

export interface SecretManifest {
  apiVersion: 'v1';
  kind: 'Secret' | 'ConfigMap';
  metadata: {
    name: string;
    namespace: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
  };
  type?: 'Opaque';
  /** Secret: base64 of each key's bytes (binary-safe: the channel block); ConfigMap: the PEM text. */
  data: Record<string, string>;
}

/** A Secret (base64 `data`, type Opaque) or a ConfigMap (text `data`) of a resolved object. */
export function toManifest({ plan, data }: ResolvedObject): SecretManifest {
  const encode =
    plan.kind === 'Secret'
      ? (bytes: Buffer) => bytes.toString('base64')
      : (bytes: Buffer) => bytes.toString('utf8');
  return {
    apiVersion: 'v1',
    kind: plan.kind,
    metadata: {
      name: plan.name,
      namespace: plan.namespace,
      labels: { ...plan.labels },
      annotations: { 'metrochain.io/purpose': plan.purpose },
    },
    ...(plan.kind === 'Secret' ? { type: 'Opaque' as const } : {}),
    data: Object.fromEntries([...data].map(([key, bytes]) => [key, encode(bytes)])),
  };
}

/** Manifests by namespace, in the order the namespaces first appear. */
export function byNamespace(manifests: readonly SecretManifest[]): Map<string, SecretManifest[]> {
  const groups = new Map<string, SecretManifest[]>();
  for (const manifest of manifests) {
    const group = groups.get(manifest.metadata.namespace) ?? [];
    group.push(manifest);
    groups.set(manifest.metadata.namespace, group);
  }
  return groups;
}

/** One multi-document YAML stream for `kubectl apply -f`, with a header saying where it came from. */
export function renderManifests(manifests: readonly SecretManifest[], header: readonly string[]): string {
  const documents = manifests.map((manifest) => stringify(manifest, { lineWidth: 0 }));
  return `${header.map((line) => `# ${line}`).join('\n')}\n---\n${documents.join('---\n')}`;
}
