export const ERASED = '[effacé]';

// Replaces, anywhere in a JSON value, every string that mentions one of the person's identifiers.
export function scrubPersonalData(value: unknown, identifiers: string[]): unknown {
  const needles = identifiers.filter((s) => s.trim().length > 0).map((s) => s.toLowerCase());
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string') return needles.some((needle) => node.toLowerCase().includes(needle)) ? ERASED : node;
    if (Array.isArray(node)) return node.map(visit);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node as Record<string, unknown>).map(([key, child]) => [key, visit(child)]));
    }
    return node;
  };
  return visit(value);
}
