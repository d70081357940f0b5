/**
 * `compute` run once per key for the life of the process: for pure functions a build calls with
 * the same few arguments on every page (paths, locales, compiled patterns, formatters).
 */
export function memoize<K, V>(compute: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    if (known.has(key)) return known.get(key) as V;
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}
