/**
 * RFC 4180 CSV with the tolerance real MIS/HR exports need. No dependency: the whole grammar is
 * one state machine, and every way a file can be structurally broken is reported with the line
 * it starts on, so a school business manager can find it in a text editor or spreadsheet.
 */

export type Delimiter = ',' | ';' | '\t';

export interface CsvRecord {
  /** 1-based line on which the record starts (the header is normally line 1). */
  line: number;
  cells: string[];
}

export interface CsvStructuralError {
  line: number;
  message: string;
}

export interface CsvTable {
  delimiter: Delimiter;
  header: CsvRecord | null;
  rows: CsvRecord[];
  errors: CsvStructuralError[];
}

export interface CsvOptions {
  /** Force a delimiter instead of sniffing it from the header line. */
  delimiter?: Delimiter;
  /** Refuse files with more data rows than this (a school roster is hundreds, a trust thousands). */
  maxRows?: number;
}

const defaultMaxRows = 50_000;

/** Splits text into records. Quoted fields may hold delimiters, newlines and doubled quotes. */
export function tokenize(text: string, delimiter: Delimiter, firstLine = 1): { records: CsvRecord[]; errors: CsvStructuralError[] } {
  const records: CsvRecord[] = [];
  const errors: CsvStructuralError[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current field was quoted and its closing quote has been read
  let line = firstLine;
  let recordLine = firstLine;
  let quoteLine = firstLine;
  let brokenRecord = false;

  const endField = () => {
    cells.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    if (!brokenRecord) records.push({ line: recordLine, cells });
    cells = [];
    brokenRecord = false;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          wasQuoted = true;
        }
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
      continue;
    }
    if (ch === delimiter) {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (ch === '"' && field.trim() === '' && !wasQuoted) {
      // Leading spaces before the opening quote (`a, "b"`) are padding, not data.
      field = '';
      quoted = true;
      quoteLine = line;
    } else if (wasQuoted) {
      if (ch === ' ' || ch === '\t') continue; // padding after the closing quote
      // `"Smith" Jr` is not CSV; guessing where the field ends could shift every later column.
      if (!brokenRecord) errors.push({ line, message: `unexpected text after a closing quote on line ${line}` });
      brokenRecord = true;
    } else {
      // A stray quote inside an unquoted field (`5" floppy`) is kept as data, as spreadsheets do.
      field += ch;
    }
  }
  if (quoted) {
    errors.push({ line: quoteLine, message: `unterminated quoted field starting on line ${quoteLine} (the file may be truncated)` });
  } else if (field !== '' || cells.length > 0 || wasQuoted) {
    endRecord();
  }
  return { records, errors };
}

/** The delimiter that occurs most often outside quotes on the first non-blank line; comma by default. */
export function sniffDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let seenContent = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (seenContent) break;
    } else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
    if (ch.trim() !== '') seenContent = true;
  }
  const best = (Object.entries(counts) as [Delimiter, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}

const isBlank = (record: CsvRecord) => record.cells.every((cell) => cell.trim() === '');

/** Drops trailing empty cells past `width`: Excel pads rows with `,,,` after deleted columns. */
function trimTrailing(cells: string[], width: number): string[] {
  let end = cells.length;
  while (end > width && cells[end - 1]!.trim() === '') end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

/**
 * Parses a whole file: BOM and an Excel `sep=;` hint line are honoured, blank lines (including
 * rows of bare delimiters) are skipped, and every row must have the header's column count.
 */
export function parseCsv(input: string, options: CsvOptions = {}): CsvTable {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let firstLine = 1;
  let delimiter = options.delimiter;
  const hint = /^sep=([,;\t])\r?\n?/i.exec(text);
  if (hint) {
    delimiter ??= hint[1] as Delimiter;
    text = text.slice(hint[0].length);
    firstLine = 2;
  }
  delimiter ??= sniffDelimiter(text);

  const { records, errors: structural } = tokenize(text, delimiter, firstLine);
  const nonBlank = records.filter((r) => !isBlank(r));

  const headerRecord = nonBlank[0];
  if (!headerRecord) {
    if (structural.length === 0) structural.push({ line: 1, message: 'the file has no header row' });
    return { delimiter, header: null, rows: [], errors: structural };
  }
  const header = { line: headerRecord.line, cells: trimTrailing(headerRecord.cells, 0) };
  const width = header.cells.length;
  const rows: CsvRecord[] = [];
  for (const record of nonBlank.slice(1)) {
    const cells = trimTrailing(record.cells, width);
    if (cells.length !== width) {
      const why = cells.length < width ? 'truncated row?' : 'an unquoted delimiter inside a value?';
      structural.push({ line: record.line, message: `line ${record.line} has ${cells.length} columns, the header has ${width} (${why})` });
      continue;
    }
    rows.push({ line: record.line, cells });
  }
  const maxRows = options.maxRows ?? defaultMaxRows;
  if (rows.length > maxRows) structural.push({ line: header.line, message: `the file has ${rows.length} data rows; the limit is ${maxRows}` });
  structural.sort((a, b) => a.line - b.line);
  return { delimiter, header, rows, errors: structural };
}
