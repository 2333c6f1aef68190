/** Vite's `?raw` suffix imports a file's text (used to load profiles/*.yaml into workerd tests). */
declare module '*.yaml?raw' {
  const text: string;
  export default text;
}

declare module '*.md?raw' {
  const text: string;
  export default text;
}
