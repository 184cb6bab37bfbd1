/**
 * Whether `value` is JSON that every consumer can encode again: finite numbers only (1e309 parses to Infinity,
 * which RFC 8785 cannot write) and at most `maxDepth` levels of objects and arrays, the outermost included (JSON.stringify and the canonical
 * encoder recurse, so a body of nested brackets would exhaust their stack: a 500, not a refusal). For the fields a
 * schema leaves open (`z.unknown()`, a record of unknowns). Iterative itself.
 */
export function isEncodableJson(value: unknown, maxDepth: number): boolean {
  const pending: [object, number][] = [];
  const visit = (item: unknown, depth: number): boolean => {
    if (typeof item === 'number') {
      return Number.isFinite(item);
    }
    if (typeof item === 'object' && item !== null) {
      pending.push([item, depth]);
      return depth < maxDepth;
    }
    return true;
  };
  if (!visit(value, 0)) {
    return false;
  }
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [container, depth] = next;
    for (const child of Object.values(container)) {
      if (!visit(child, depth + 1)) {
        return false;
      }
    }
  }
  return true;
}
