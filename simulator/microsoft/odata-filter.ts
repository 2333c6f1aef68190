/**
 * A small OData `$filter` parser for what connectors send Graph: eq/ne/gt/ge/lt/le, and/or/not,
 * parentheses, startswith/endswith, `prop/any(x:x eq '…')` lambdas and `prop/$count`.
 */
export type Row = Record<string, unknown>;
export type Predicate = (row: Row) => boolean;
type Value = (row: Row, vars: Map<string, unknown>) => unknown;
type Node = (row: Row, vars: Map<string, unknown>) => boolean;

export class FilterError extends Error {}

const TOKEN = /\s*('(?:[^']|'')*'|\(|\)|,|[^\s(),']+)/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (TOKEN.lastIndex < text.length && (match = TOKEN.exec(text))) tokens.push(match[1] ?? '');
  if (text.slice(TOKEN.lastIndex).trim()) throw new FilterError(`Syntax error at position ${TOKEN.lastIndex} in '${text}'.`);
  return tokens;
}

const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

function literal(token: string): { value: unknown } | undefined {
  if (token.startsWith("'")) return { value: token.slice(1, -1).replaceAll("''", "'") };
  if (token === 'true' || token === 'false') return { value: token === 'true' };
  if (token === 'null') return { value: null };
  if (/^-?\d+(\.\d+)?$/.test(token)) return { value: Number(token) };
  if (DATE.test(token)) return { value: new Date(token) };
  return undefined;
}

function compare(op: string, left: unknown, right: unknown): boolean {
  if (right instanceof Date || left instanceof Date) {
    const l = left instanceof Date ? left.getTime() : typeof left === 'string' ? Date.parse(left) : NaN;
    const r = right instanceof Date ? right.getTime() : typeof right === 'string' ? Date.parse(right) : NaN;
    return Number.isNaN(l) || Number.isNaN(r) ? op === 'ne' : numeric(op, l, r);
  }
  if (typeof left === 'string' && typeof right === 'string') {
    const l = left.toLowerCase();
    const r = right.toLowerCase();
    return op === 'eq' ? l === r : op === 'ne' ? l !== r : numeric(op, l, r);
  }
  if (op === 'eq') return left === right || (left === undefined && right === null);
  if (op === 'ne') return !(left === right || (left === undefined && right === null));
  if (typeof left === 'number' && typeof right === 'number') return numeric(op, left, right);
  return false;
}

function numeric<T extends number | string>(op: string, l: T, r: T): boolean {
  switch (op) {
    case 'gt': return l > r;
    case 'ge': return l >= r;
    case 'lt': return l < r;
    case 'le': return l <= r;
    case 'eq': return l === r;
    case 'ne': return l !== r;
    default: throw new FilterError(`Unsupported operator '${op}'.`);
  }
}

class Parser {
  private i = 0;
  private readonly tokens: string[];
  private readonly known: Set<string>;
  private readonly entity: string;
  constructor(tokens: string[], known: Set<string>, entity: string) {
    this.tokens = tokens;
    this.known = known;
    this.entity = entity;
  }
  private peek(): string | undefined { return this.tokens[this.i]; }
  private take(expected?: string): string {
    const token = this.tokens[this.i++];
    if (token === undefined || (expected !== undefined && token.toLowerCase() !== expected)) throw new FilterError(`Syntax error: expected '${expected ?? 'a term'}' but found '${token ?? 'end of input'}'.`);
    return token;
  }
  parse(): Node {
    const node = this.or(new Set());
    if (this.i < this.tokens.length) throw new FilterError(`Syntax error: unexpected '${this.peek() ?? ''}'.`);
    return node;
  }
  private or(scope: Set<string>): Node {
    let left = this.and(scope);
    while (this.peek()?.toLowerCase() === 'or') { this.take(); const l = left; const r = this.and(scope); left = (row, v) => l(row, v) || r(row, v); }
    return left;
  }
  private and(scope: Set<string>): Node {
    let left = this.not(scope);
    while (this.peek()?.toLowerCase() === 'and') { this.take(); const l = left; const r = this.not(scope); left = (row, v) => l(row, v) && r(row, v); }
    return left;
  }
  private not(scope: Set<string>): Node {
    if (this.peek()?.toLowerCase() === 'not') { this.take(); const inner = this.not(scope); return (row, v) => !inner(row, v); }
    return this.primary(scope);
  }
  private primary(scope: Set<string>): Node {
    if (this.peek() === '(') { this.take('('); const inner = this.or(scope); this.take(')'); return inner; }
    const word = this.take();
    const fn = word.toLowerCase();
    if ((fn === 'startswith' || fn === 'endswith' || fn === 'contains') && this.peek() === '(') {
      this.take('('); const target = this.value(this.take(), scope); this.take(','); const arg = this.value(this.take(), scope); this.take(')');
      return (row, v) => {
        const t = target(row, v); const a = arg(row, v);
        if (typeof t !== 'string' || typeof a !== 'string') return false;
        const tl = t.toLowerCase(); const al = a.toLowerCase();
        return fn === 'startswith' ? tl.startsWith(al) : fn === 'endswith' ? tl.endsWith(al) : tl.includes(al);
      };
    }
    const lambda = /^(.+)\/(any|all)$/i.exec(word);
    if (lambda && this.peek() === '(') return this.lambda(lambda[1] ?? '', (lambda[2] ?? '').toLowerCase(), scope);
    const left = this.value(word, scope);
    const op = this.take().toLowerCase();
    if (!['eq', 'ne', 'gt', 'ge', 'lt', 'le'].includes(op)) throw new FilterError(`Unsupported operator '${op}'.`);
    const right = this.value(this.take(), scope);
    return (row, v) => compare(op, left(row, v), right(row, v));
  }
  private lambda(path: string, kind: string, scope: Set<string>): Node {
    const collection = this.value(path, scope);
    this.take('(');
    const head = this.take();
    const colon = head.indexOf(':');
    if (colon <= 0) throw new FilterError(`Syntax error in lambda '${head}'.`);
    const name = head.slice(0, colon);
    const rest = head.slice(colon + 1);
    if (rest) this.tokens.splice(this.i, 0, rest);
    const body = this.or(new Set([...scope, name]));
    this.take(')');
    return (row, vars) => {
      const items = collection(row, vars);
      if (!Array.isArray(items)) return false;
      const test = (item: unknown): boolean => body(row, new Map([...vars, [name, item]]));
      return kind === 'any' ? items.some(test) : items.every(test);
    };
  }
  private value(token: string, scope: Set<string>): Value {
    const lit = literal(token);
    if (lit) return () => lit.value;
    const segments = token.split('/');
    const head = segments[0] ?? '';
    if (!scope.has(head) && !this.known.has(head)) throw new FilterError(`Could not find a property named '${head}' on type '${this.entity}'.`);
    return (row, vars) => {
      let current: unknown = scope.has(head) ? vars.get(head) : row[head];
      for (const segment of segments.slice(1)) {
        if (segment === '$count') current = Array.isArray(current) ? current.length : 0;
        else current = current && typeof current === 'object' ? (current as Row)[segment] : undefined;
      }
      return current;
    };
  }
}

/** Parses `$filter`; `known` lists the entity's properties (unknown ones are a 400, as in Graph). */
export function parseFilter(text: string, known: Iterable<string>, entity: string): Predicate {
  const node = new Parser(tokenize(text), new Set(known), entity).parse();
  return (row) => node(row, new Map());
}

/** Property names a filter mentions (for permission checks such as signInActivity). */
export function mentions(text: string, property: string): boolean {
  return new RegExp(`(^|[^A-Za-z])${property}([^A-Za-z]|$)`).test(text);
}
