import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { repoPaths } from '../paths';

/**
 * A CRITICAL kube-score finding the project accepts: by check id and, optionally, only for some targets (a chart's
 * name or `overlay/<name>`) and objects (`Kind/name`); `*` in either matches any run of characters.
 */
export interface KubeScoreAllowance {
  readonly check: string;
  readonly target?: string;
  readonly object?: string;
  readonly reason: string;
}

function optionalText(entry: Record<string, unknown>, key: string, where: string): string | undefined {
  const value = entry[key];
  if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
    throw new Error(`${where}: ${key} must be a non-empty string`);
  }
  return value;
}

export function parseAllowances(text: string, source: string): KubeScoreAllowance[] {
  const document = parse(text) as { allow?: unknown } | null;
  const entries = document?.allow ?? [];
  if (!Array.isArray(entries)) {
    throw new Error(`${source}: allow must be a list`);
  }
  return entries.map((raw: unknown, index) => {
    const where = `${source}: allow[${index}]`;
    if (typeof raw !== 'object' || raw === null) {
      throw new Error(`${where} must be a mapping`);
    }
    const entry = raw as Record<string, unknown>;
    const unknownKeys = Object.keys(entry).filter(
      (key) => !['check', 'target', 'object', 'reason'].includes(key),
    );
    if (unknownKeys.length > 0) {
      throw new Error(`${where}: unknown keys ${unknownKeys.join(', ')}`);
    }
    const check = optionalText(entry, 'check', where);
    const reason = optionalText(entry, 'reason', where);
    if (check === undefined || reason === undefined) {
      throw new Error(`${where} needs a check and a reason`);
    }
    const target = optionalText(entry, 'target', where);
    const object = optionalText(entry, 'object', where);
    return {
      check,
      reason,
      ...(target === undefined ? {} : { target }),
      ...(object === undefined ? {} : { object }),
    };
  });
}

export function readAllowances(file: string = repoPaths.kubeScoreAllow): KubeScoreAllowance[] {
  return parseAllowances(readFileSync(file, 'utf8'), file);
}

function globMatches(pattern: string | undefined, value: string): boolean {
  if (pattern === undefined) {
    return true;
  }
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`).test(value);
}

export function isAllowed(
  allowances: readonly KubeScoreAllowance[],
  finding: Readonly<{ check: string; target: string; object: string }>,
): boolean {
  return allowances.some(
    (allowance) =>
      allowance.check === finding.check &&
      globMatches(allowance.target, finding.target) &&
      globMatches(allowance.object, finding.object),
  );
}
