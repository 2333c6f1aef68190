import type { StyleRule } from './style-rules.ts';

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

const ITEM_BEFORE = /^\.([\w-]+)\s*>\s*li:{1,2}before$/;
const ITEM = /^\.([\w-]+)\s*>\s*li$/;
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
  /** An `<ol>` or `<ul>` opens (its classes and `start`) or closes (undefined). */
  list(classes: readonly string[] | undefined, start?: number): void;
  /** An `<li>` opens: the number its list's style draws before it, if the style sheet numbers it. */
  item(): string | undefined;
}

/** Reads the counters the style sheet's rules draw; then follows the lists as the page opens and closes them. */
export function cssListNumbers(rules: readonly StyleRule[]): ListNumbers {
  const drawn = new Map<string, Part[]>();
  const steps = new Map<string, string>();
  for (const [selector, declarations] of rules) {
    const before = ITEM_BEFORE.exec(selector);
    const content = before && CONTENT.exec(declarations);
    if (before && content) drawn.set(before[1]!, parts(content[1]!));
    const item = ITEM.exec(selector);
    const counter = item && INCREMENT.exec(declarations);
    if (item && counter) steps.set(item[1]!, counter[1]!);
  }
  // A bullet list's style draws a glyph, not a counter: only a list whose style counts is numbered.
  const formats = new Map<string, Format>();
  for (const [name, drawnParts] of drawn) {
    const stepsOn = steps.get(name);
    if (stepsOn && drawnParts.some((p) => 'counter' in p)) formats.set(name, { steps: stepsOn, parts: drawnParts });
  }
  const counters = new Map<string, number>();
  const open: (Format | undefined)[] = [];
  return {
    list(classes, start) {
      if (classes === undefined) {
        open.pop();
        return;
      }
      const format = classes.map((c) => formats.get(c)).find(Boolean);
      // Google Docs writes where each list resumes as `start`; its class "start" alone restarts it.
      if (format && start !== undefined) counters.set(format.steps, start - 1);
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
