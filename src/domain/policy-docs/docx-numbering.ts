/**
 * Word's automatic numbering. In a .docx the "4.2" in front of a clause is not in the text: the
 * paragraph (or its style, as headings usually are) points at a list in word/numbering.xml, and Word
 * counts. Policies number their sections and clauses this way, so the numbers are rebuilt here.
 */
export interface NumberRef {
  numId: string;
  ilvl: number;
}

interface Level {
  start: number;
  format: string;
  text: string;
}

export type NumberLabel = { kind: 'number'; text: string } | { kind: 'bullet' };

export interface Numbering {
  /** The numbering a paragraph style carries ("Heading2" → list 5, level 1), if any. */
  styleRef(styleId: string): NumberRef | undefined;
  /** Counts the paragraph in its list and returns its label: "4.2", or a bullet. */
  next(ref: NumberRef): NumberLabel | undefined;
}

const attr = (xml: string, name: string): string | undefined => new RegExp(`${name}="([^"]*)"`).exec(xml)?.[1];
const child = (xml: string, tag: string): string | undefined => new RegExp(`<${tag}\\b([^>]*)/?>`).exec(xml)?.[1];

/** The list a w:numPr element points at; numId 0 switches numbering off. */
export function numberRef(numPr: string): NumberRef | undefined {
  const numId = attr(child(numPr, 'w:numId') ?? '', 'w:val');
  if (!numId || numId === '0') return undefined;
  return { numId, ilvl: Number(attr(child(numPr, 'w:ilvl') ?? '', 'w:val') ?? 0) };
}

export function parseNumbering(numberingXml: string | undefined, stylesXml: string | undefined): Numbering {
  const abstracts = new Map<string, Level[]>();
  for (const m of (numberingXml ?? '').matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="([^"]*)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels: Level[] = [];
    for (const l of m[2]!.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const body = l[2]!;
      levels[Number(l[1])] = {
        start: Number(attr(child(body, 'w:start') ?? '', 'w:val') ?? 1),
        format: attr(child(body, 'w:numFmt') ?? '', 'w:val') ?? 'decimal',
        text: attr(child(body, 'w:lvlText') ?? '', 'w:val') ?? '',
      };
    }
    abstracts.set(m[1]!, levels);
  }
  const lists = new Map<string, string>();
  for (const m of (numberingXml ?? '').matchAll(/<w:num\b[^>]*w:numId="([^"]*)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abstractId = attr(child(m[2]!, 'w:abstractNumId') ?? '', 'w:val');
    if (abstractId) lists.set(m[1]!, abstractId);
  }
  const styles = new Map<string, NumberRef>();
  for (const m of (stylesXml ?? '').matchAll(/<w:style\b[^>]*w:styleId="([^"]*)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(m[2]!)?.[1];
    const ref = numPr ? numberRef(numPr) : undefined;
    if (ref) styles.set(m[1]!, ref);
  }

  // Counters belong to the abstract list, so every w:num sharing it continues one count.
  const counters = new Map<string, number[]>();
  return {
    styleRef: (styleId) => styles.get(styleId),
    next({ numId, ilvl }) {
      const abstractId = lists.get(numId);
      const levels = abstractId ? abstracts.get(abstractId) : undefined;
      const level = levels?.[ilvl];
      if (!abstractId || !levels || !level) return undefined;
      if (level.format === 'bullet' || level.format === 'none') return { kind: 'bullet' };
      const count = counters.get(abstractId) ?? [];
      count[ilvl] = (count[ilvl] ?? levels[ilvl]!.start - 1) + 1;
      count.length = ilvl + 1;
      counters.set(abstractId, count);
      const text = level.text.replace(/%(\d)/g, (_m, n: string) => {
        const i = Number(n) - 1;
        return format(count[i] ?? levels[i]?.start ?? 1, levels[i]?.format ?? 'decimal');
      });
      return { kind: 'number', text: text.trim() };
    },
  };
}

function format(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    default:
      return String(n);
  }
}

function roman(n: number): string {
  const table: [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [value, digits] of table) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}
