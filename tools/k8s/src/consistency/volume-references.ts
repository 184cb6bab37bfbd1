import type { KeyToPath, PodSpec } from './kube-types';

/** A Secret or ConfigMap a pod mounts, with the keys it asks for (none listed: the whole object). */
export interface VolumeReference {
  readonly kind: 'Secret' | 'ConfigMap';
  readonly name: string;
  readonly optional: boolean;
  readonly items: readonly KeyToPath[];
  /** The volume, for messages. */
  readonly volume: string;
}

/** Every Secret and ConfigMap the pod's volumes name, projected sources included. */
export function volumeReferences(spec: PodSpec): VolumeReference[] {
  return (spec.volumes ?? []).flatMap((volume): VolumeReference[] => {
    const references: VolumeReference[] = [];
    const add = (
      kind: VolumeReference['kind'],
      source: { optional?: boolean; items?: readonly KeyToPath[] },
      name: string,
    ): void => {
      references.push({
        kind,
        name,
        optional: source.optional ?? false,
        items: source.items ?? [],
        volume: volume.name,
      });
    };
    if (volume.secret !== undefined) {
      add('Secret', volume.secret, volume.secret.secretName);
    }
    if (volume.configMap !== undefined) {
      add('ConfigMap', volume.configMap, volume.configMap.name);
    }
    for (const source of volume.projected?.sources ?? []) {
      if (source.secret !== undefined) {
        add('Secret', source.secret, source.secret.name);
      }
      if (source.configMap !== undefined) {
        add('ConfigMap', source.configMap, source.configMap.name);
      }
    }
    return references;
  });
}
