import type { LabelSelector, LabelSelectorRequirement, Labels } from './kube-types';

function requirementHolds(requirement: LabelSelectorRequirement, labels: Labels): boolean {
  const value = labels[requirement.key];
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
  }
}

/** Kubernetes label selector semantics: every matchLabels pair and every expression; an empty selector selects all. */
export function selects(selector: LabelSelector | undefined, labels: Labels): boolean {
  if (selector === undefined) {
    return true;
  }
  const pairs = Object.entries(selector.matchLabels ?? {});
  return (
    pairs.every(([key, value]) => labels[key] === value) &&
    (selector.matchExpressions ?? []).every((requirement) => requirementHolds(requirement, labels))
  );
}

/** The label keys a selector reads. */
export function selectorKeys(selector: LabelSelector | undefined): string[] {
  return [
    ...Object.keys(selector?.matchLabels ?? {}),
    ...(selector?.matchExpressions ?? []).map((requirement) => requirement.key),
  ];
}

/** A selector as one line for messages. */
export function describeSelector(selector: LabelSelector | undefined): string {
  if (selector === undefined) {
    return '(any)';
  }
  const parts = [
    ...Object.entries(selector.matchLabels ?? {}).map(([key, value]) => `${key}=${value}`),
    ...(selector.matchExpressions ?? []).map(
      (requirement) => `${requirement.key} ${requirement.operator} (${(requirement.values ?? []).join(',')})`,
    ),
  ];
  return parts.length === 0 ? '{}' : `{${parts.join(', ')}}`;
}
