import { readFileSync, writeFileSync } from 'node:fs';
import YAML from 'yaml';

/**
 * Applies `a.b.c → value` overrides to one of Fabric's sample configs (core.yaml, orderer.yaml of the pinned
 * release). The local network writes each node's file this way, and the peer and orderer images bake theirs the same.
 */
export function overrideFabricYaml(sample: string, overrides: Readonly<Record<string, unknown>>): string {
  const document = YAML.parseDocument(sample);
  for (const [dottedPath, value] of Object.entries(overrides)) {
    document.setIn(dottedPath.split('.'), value);
  }
  return document.toString();
}

/** Reads a sample config, applies the overrides and writes the result where a node reads it. */
export function writeOverriddenYaml(
  source: string,
  target: string,
  overrides: Readonly<Record<string, unknown>>,
): void {
  writeFileSync(target, overrideFabricYaml(readFileSync(source, 'utf8'), overrides));
}
