/**
 * Counts the D1 calls code makes (each first/run/all/raw, each batch and exec is one call to a
 * Cloudflare service), for measuring a queue message's budget. Statements stay real D1 statements.
 */
export function countingD1(db: D1Database): { db: D1Database; calls: () => number; reset: () => void } {
  let calls = 0;
  const real = new WeakMap<object, D1PreparedStatement>();
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, key) {
        if (key === 'bind') return (...values: unknown[]) => wrap(target.bind(...values));
        if (key === 'first' || key === 'run' || key === 'all' || key === 'raw') {
          return (...args: unknown[]) => {
            calls += 1;
            return (target[key] as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    real.set(proxy, statement);
    return proxy;
  };
  const counted = new Proxy(db, {
    get(target, key) {
      if (key === 'prepare') return (sql: string) => wrap(target.prepare(sql));
      if (key === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          calls += 1;
          return target.batch(statements.map((s) => real.get(s) ?? s));
        };
      }
      if (key === 'exec') {
        return (sql: string) => {
          calls += 1;
          return target.exec(sql);
        };
      }
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db: counted, calls: () => calls, reset: () => (calls = 0) };
}
