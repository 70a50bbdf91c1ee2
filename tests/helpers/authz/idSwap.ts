type Twin = (leaf: string, value: string) => string | undefined;

/**
 * Replaces the id at a field path ("rule.scope.orgIds[]", "entries[].personId") of a request body by its twin; in a
 * list only the last occurrence (one id the caller may not use among good ones, so cross-field rules such as "the
 * lead school is a member" still hold). Returns the new body, whether an id was replaced and an id without a twin.
 */
export function swapAt(body: unknown, path: string, twin: Twin) {
  let total = 0;
  count(body, path, () => total++);
  let seen = 0;
  let count_ = 0;
  let missing: string | undefined;
  const segments = path.split('.').map((s) => ({ key: s.replace(/\[\]$/, ''), many: s.endsWith('[]') }));
  const leaf = segments[segments.length - 1]?.key as string;
  const walk = (v: unknown, i: number): unknown => {
    if (i === segments.length) {
      if (typeof v !== 'string' || ++seen !== total) return v;
      const t = twin(leaf, v);
      if (!t) missing = v;
      count_++;
      return t ?? v;
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const { key, many } = segments[i] as { key: string; many: boolean };
    const o = v as Record<string, unknown>;
    if (!(key in o)) return v;
    const val = o[key];
    return { ...o, [key]: many && Array.isArray(val) ? val.map((e) => walk(e, i + 1)) : walk(val, i + 1) };
  };
  return { body: walk(body, 0), count: count_, missing };
}

/** Calls `on` for each string at a field path. */
function count(body: unknown, path: string, on: () => void): void {
  const segments = path.split('.').map((s) => ({ key: s.replace(/\[\]$/, ''), many: s.endsWith('[]') }));
  const walk = (v: unknown, i: number): void => {
    if (i === segments.length) {
      if (typeof v === 'string') on();
      return;
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) return;
    const { key, many } = segments[i] as { key: string; many: boolean };
    const val = (v as Record<string, unknown>)[key];
    if (many && Array.isArray(val)) for (const e of val) walk(e, i + 1);
    else walk(val, i + 1);
  };
  walk(body, 0);
}

/** The same for a query string's parameter (a plain key). */
export function swapQuery(query: string, key: string, twin: Twin) {
  const q = new URLSearchParams(query);
  const v = q.get(key);
  if (v === null) return { query, count: 0, missing: undefined as string | undefined };
  const t = twin(key, v);
  if (t) q.set(key, t);
  return { query: q.toString(), count: 1, missing: t ? undefined : v };
}
