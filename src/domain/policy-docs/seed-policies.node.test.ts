import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from './index.ts';

// Real school policies live outside the repo (they are not ours to copy); skip when absent.
const dir = join(import.meta.dirname, '../../../../shared/seed-policies/');
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort() : [];
const debris = /_Toc\d|\[bookmark|HYPERLINK|PAGEREF|MERGEFORMAT|\[image:|<\/?[a-z]+[\s>]|\t|\f|\.{5,}|…{3,}/;

/** A named seed policy; a rename must fail the test, not let it pass having checked nothing. */
function seed(name: string): string {
  const file = files.find((f) => f.includes(name));
  if (!file) throw new Error(`no seed policy named like '${name}' in ${dir}`);
  return file;
}

describe.skipIf(files.length === 0)('ingesting the seed policies', () => {
  it.each(files)('%s has sensible sections and no debris', async (file) => {
    const result = await ingest({ bytes: readFileSync(dir + file), type: 'txt' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const doc = result.value;
    expect(doc.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.sections.length).toBeGreaterThanOrEqual(10);
    for (const s of doc.sections) {
      expect(s.heading.trim()).not.toBe('');
      expect(s.path.at(-1)).toBe(s.heading);
      expect(s.text).not.toMatch(debris);
      expect(s.heading).not.toMatch(debris);
      for (const p of s.paragraphs) expect(p.text).toBe(p.text.replace(/\s+/g, ' ').trim());
    }
    // Most text sits in paragraphs of readable length, not one blob or a word per line.
    const words = doc.sections.flatMap((s) => s.paragraphs.map((p) => p.text.split(' ').length));
    expect(Math.max(...words)).toBeLessThan(400);
  });

  it('recognises numbered headings and clauses where a policy numbers them', async () => {
    const kender = seed('kender');
    const glenmere = seed('glenmere');
    const k = await ingest({ bytes: readFileSync(dir + kender), type: 'txt' });
    const g = await ingest({ bytes: readFileSync(dir + glenmere), type: 'txt' });
    if (!k.ok || !g.ok) throw new Error('ingest failed');
    const numbers = k.value.sections.map((s) => s.number).filter(Boolean);
    expect(numbers).toEqual(expect.arrayContaining(['1', '4.1', '5.1.1', '8.5']));
    const nested = k.value.sections.find((s) => s.number === '5.1.1');
    expect(nested?.path).toHaveLength(3);
    // Clause numbers on their own line ("4.3.") attach to the paragraph that follows.
    const clauses = g.value.sections.flatMap((s) => s.paragraphs.map((p) => p.number)).filter(Boolean);
    expect(clauses).toEqual(expect.arrayContaining(['1.1', '2.3', '4.4']));
  });

  it('rebuilds flattened two-column tables into labelled rows', async () => {
    const glenmere = seed('glenmere');
    const g = await ingest({ bytes: readFileSync(dir + glenmere), type: 'txt' });
    if (!g.ok) throw new Error('ingest failed');
    const rows = g.value.sections.flatMap((s) => s.paragraphs.filter((p) => p.kind === 'row'));
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(rows.filter((r) => r.label).length).toBeGreaterThanOrEqual(15);
    // A label sits beside its own row's text, not glued into it.
    for (const r of rows) if (r.label) expect(r.text.startsWith(r.label)).toBe(false);
  });
});
