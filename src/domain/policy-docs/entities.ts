const named: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”',
  ldquo: '“', ndash: '–', mdash: '—', hellip: '…', pound: '£', euro: '€', middot: '·', bull: '•', copy: '©',
  rsaquo: '›', lsaquo: '‹', raquo: '»', laquo: '«', sbquo: '‚', bdquo: '„', reg: '®', trade: '™', deg: '°',
  sect: '§', para: '¶', times: '×', frac12: '½', frac14: '¼', frac34: '¾', shy: '', ensp: ' ', emsp: ' ',
  thinsp: ' ', zwnj: '', zwj: '', rarr: '→', larr: '←', check: '✓', cross: '✗', eacute: 'é', egrave: 'è',
};

/** Decodes the HTML/XML character references that turn up in policy documents. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return named[ref.toLowerCase()] ?? whole;
  });
}
