/**
 * Files wrangler.toml's `[[rules]]` (type "Text") imports as strings: browser scripts the dashboard
 * serves as they are, with no build step. The vitest pool applies the same rules.
 */
declare module '*/adaptivecards.min.js' {
  const text: string;
  export default text;
}

declare module '*.browser.js' {
  const text: string;
  export default text;
}
