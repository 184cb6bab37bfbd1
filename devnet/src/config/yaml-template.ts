import { readFileSync, writeFileSync } from 'node:fs';
import YAML from 'yaml';

/** Loads one of Fabric's sample configs, applies `a.b.c → value` overrides, and writes it where a node reads it. */
export function writeOverriddenYaml(
  source: string,
  target: string,
  overrides: Record<string, unknown>,
): void {
  const document = YAML.parseDocument(readFileSync(source, 'utf8'));
  for (const [dottedPath, value] of Object.entries(overrides)) {
    document.setIn(dottedPath.split('.'), value);
  }
  writeFileSync(target, document.toString());
}
