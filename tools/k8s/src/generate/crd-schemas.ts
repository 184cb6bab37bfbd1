import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { crdSourceFiles } from '../install/crd-sources';
import { crdYamlToSchemas } from '../schemas/crd-to-schema';
import type { Generator } from './generator';

/**
 * k8s/schemas/crds/{group}/{kind}_{version}.json: the schemas kubeconform checks custom resources against, made
 * from the CRDs `install` caches (Strimzi's generator, prometheus-operator's module). Committed, so validation
 * needs no network; regenerated here to prove they are what the pinned versions give.
 */
export const crdSchemasGenerator: Generator = {
  name: 'CRD schemas',
  generate: () => {
    const sources = crdSourceFiles();
    const missing = sources.filter((file) => !existsSync(file));
    if (missing.length > 0) {
      return {
        unavailable: `CRDs not in the cache (${missing.map((file) => path.basename(file)).join(', ')})`,
      };
    }
    return sources
      .flatMap((file) => crdYamlToSchemas(readFileSync(file, 'utf8')))
      .map((schema) => ({ path: `k8s/schemas/crds/${schema.path}`, content: schema.content }));
  },
};
