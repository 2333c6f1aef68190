import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkIds } from './ids.ts';
import { checkCatalogue } from './catalogue.ts';

const docs = await readFile(join(dirname(fileURLToPath(import.meta.url)), '../../../docs/checks.md'), 'utf8');

/** Rows of the summary table: first cell is the `id`, second the severity. */
function tableRows(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of docs.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const id = /^`([a-z.-]+)`$/.exec(cells[1] ?? '')?.[1];
    if (id) {
      expect(rows.has(id), `${id} appears twice in the table`).toBe(false);
      rows.set(id, cells[2] ?? '');
    }
  }
  return rows;
}

describe('docs/checks.md', () => {
  it('has one table row per check id with the severity the code uses', () => {
    const rows = tableRows();
    expect([...rows.keys()].toSorted()).toEqual([...checkIds].toSorted());
    for (const entry of checkCatalogue) expect(rows.get(entry.id), entry.id).toBe(entry.severity);
  });

  it('has one section per check that states its severity and profile rule', () => {
    for (const entry of checkCatalogue) {
      const sections = docs.split(`\n### \`${entry.id}\`\n`);
      expect(sections, `section for ${entry.id}`).toHaveLength(2);
      const body = sections[1]?.split('\n### ')[0] ?? '';
      expect(body).toContain(`Severity: **${entry.severity}**`);
      expect(body).toContain(`\`${entry.policyRef}\``);
      for (const action of Object.values(entry.remediation?.actions ?? {})) expect(body, entry.id).toContain(`\`${action}\``);
    }
  });
});
