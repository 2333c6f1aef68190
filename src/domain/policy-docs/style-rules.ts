/** One rule of a page's style sheets: a single selector and its declarations. */
export type StyleRule = [selector: string, declarations: string];

/**
 * The rules of a page's `<style>` sheets, one per selector of a selector list (".c4, .c7{…}" is two).
 * A statement before a rule ("@import url(…);", as Google Docs opens its sheet) is not part of its selector.
 */
export function styleRules(html: string): StyleRule[] {
  const rules: StyleRule[] = [];
  for (const sheet of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) {
    for (const [, selectors, declarations] of sheet[1]!.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      for (const selector of selectors!.split(';').at(-1)!.split(',')) rules.push([selector.trim(), declarations!]);
    }
  }
  return rules;
}
