/**
 * Numbers that a page's style sheet draws before list items rather than its text holding them. Google
 * Docs' "Publish to web" and HTML download write a numbered policy this way: each level of a list is its
 * own flat `<ol class="lst-kix_… -1" start="3">`, and the style sheet draws "3.2 " before each item from
 * CSS counters (`.lst-kix_…-1>li:before{content:"" counter(…-0,decimal) "." counter(…-1,decimal) " "}`).
 * Without them, every clause of such a policy would be cited with no number at all.
 */
type Part = { text: string } | { counter: string; style: string };

interface Format {
  /** The counter an item of this list steps on. */
  steps: string;
  parts: Part[];
}

const RULE = /([^{}]+)\{([^{}]*)\}/g;
const ITEM_BEFORE = /^\s*\.([\w-]+)\s*>\s*li:{1,2}before\s*$/;
const ITEM = /^\s*\.([\w-]+)\s*>\s*li\s*$/;
const CONTENT = /(?:^|;)\s*content\s*:\s*([^;]+)/i;
const INCREMENT = /(?:^|;)\s*counter-increment\s*:\s*([\w-]+)/i;
const CONTENT_PART = /"([^"]*)"|'([^']*)'|counter\(\s*([\w-]+)\s*(?:,\s*([\w-]+)\s*)?\)/g;

function parts(content: string): Part[] {
  return [...content.matchAll(CONTENT_PART)].map((m) => (m[3] ? { counter: m[3], style: (m[4] ?? 'decimal').toLowerCase() } : { text: m[1] ?? m[2] ?? '' }));
}

const ROMAN: [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];
const roman = (n: number): string => ROMAN.reduce((out, [value, letters]) => {
  for (; n >= value; n -= value) out += letters;
  return out;
}, '');
const latin = (n: number): string => (n > 26 ? latin(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(97 + ((n - 1) % 26));

function formatted(n: number, style: string): string {
  if (/^lower-(latin|alpha)$/.test(style)) return latin(n);
  if (/^upper-(latin|alpha)$/.test(style)) return latin(n).toUpperCase();
  if (style === 'lower-roman') return roman(n);
  if (style === 'upper-roman') return roman(n).toUpperCase();
  return style === 'none' ? '' : String(n);
}

export interface ListNumbers {
  /** An `<ol>` opens (its attributes) or closes. */
  list(attributes: string | undefined): void;
  /** An `<li>` opens: the number its list's style draws before it, if the style sheet numbers it. */
  item(): string | undefined;
}

/** Reads the page's style sheets once; then follows the lists as the page opens and closes them. */
export function cssListNumbers(html: string): ListNumbers {
  const formats = new Map<string, { parts?: Part[]; steps?: string }>();
  for (const sheet of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) {
    for (const [, selectors, body] of sheet[1]!.matchAll(RULE)) {
      // A statement before the rule ("@import url(…);", as Google Docs opens its sheet with) is not its selector.
      for (const selector of selectors!.split(';').at(-1)!.split(',')) {
        const before = ITEM_BEFORE.exec(selector);
        const content = before && CONTENT.exec(body!);
        if (before && content) formats.set(before[1]!, { ...formats.get(before[1]!), parts: parts(content[1]!) });
        const item = ITEM.exec(selector);
        const steps = item && INCREMENT.exec(body!);
        if (item && steps) formats.set(item[1]!, { ...formats.get(item[1]!), steps: steps[1]! });
      }
    }
  }
  const counters = new Map<string, number>();
  const open: (Format | undefined)[] = [];
  return {
    list(attributes) {
      if (attributes === undefined) {
        open.pop();
        return;
      }
      const classes = /\bclass\s*=\s*["']([^"']*)["']/i.exec(attributes)?.[1]?.split(/\s+/) ?? [];
      // A bullet list's style draws a glyph, not a counter: only a list whose style counts is numbered.
      const known = classes.map((c) => formats.get(c)).find((f) => f?.steps && f.parts?.some((p) => 'counter' in p));
      const format = known ? { steps: known.steps!, parts: known.parts! } : undefined;
      const start = /\bstart\s*=\s*["']?(\d+)/i.exec(attributes);
      if (format && start) counters.set(format.steps, Number(start[1]) - 1);
      else if (format && classes.includes('start')) counters.set(format.steps, 0);
      open.push(format);
    },
    item() {
      const format = open.at(-1);
      if (!format) return undefined;
      counters.set(format.steps, (counters.get(format.steps) ?? 0) + 1);
      const label = format.parts.map((p) => ('text' in p ? p.text : formatted(counters.get(p.counter) ?? 0, p.style))).join('');
      return label.trim() || undefined;
    },
  };
}
