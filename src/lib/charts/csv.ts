/**
 * RFC 4180 CSV: comma separated, fields optionally wrapped in double quotes,
 * a doubled quote inside a quoted field stands for one quote, and quoted
 * fields may span commas and line breaks. Unquoted fields are trimmed, since
 * hand-written files often pad after commas; quoted fields are kept verbatim.
 */

export type CsvCell = string | number;
export type CsvRow = Record<string, CsvCell>;

export interface CsvModule {
  /** Path of the file relative to the project root, used in error messages. */
  source: string;
  rows: CsvRow[];
}

interface RawRecord {
  fields: string[];
  /** 1-based line on which the record starts. */
  line: number;
}

const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Strict numeric parse. Number() alone would accept "", " ", "0x1f" and
 * "Infinity", all of which are mistakes in chart data rather than numbers.
 */
export function parseNumeric(text: string): number | undefined {
  const trimmed = text.trim();
  if (!NUMBER_PATTERN.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

function fail(source: string, line: number, message: string): never {
  throw new Error(`Malformed CSV in ${source}, line ${line}: ${message}`);
}

function tokenize(text: string, source: string): RawRecord[] {
  const records: RawRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let fieldWasQuoted = false;
  let afterClosingQuote = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;

  const endField = () => {
    fields.push(fieldWasQuoted ? field : field.trim());
    field = "";
    fieldWasQuoted = false;
    afterClosingQuote = false;
  };
  const endRecord = () => {
    const blank = fields.length === 0 && field.trim() === "" && !fieldWasQuoted;
    endField();
    if (!blank) records.push({ fields, line: recordLine });
    fields = [];
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterClosingQuote = true;
        }
      } else {
        if (char === "\n") line++;
        field += char;
      }
      continue;
    }
    if (char === ",") {
      endField();
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (afterClosingQuote) {
      if (char !== " " && char !== "\t") fail(source, line, `unexpected ${JSON.stringify(char)} after a closing quote`);
    } else if (char === '"') {
      if (field.trim() !== "")
        fail(source, line, "a quote may only start a field; wrap the whole field in quotes and double inner quotes");
      field = "";
      quoted = true;
      fieldWasQuoted = true;
      quoteLine = line;
    } else {
      field += char;
    }
  }
  if (quoted) fail(source, quoteLine, "a quoted field is never closed");
  if (field !== "" || fields.length > 0 || fieldWasQuoted) endRecord();
  return records;
}

/** Parses CSV text with a header row into raw string records. */
export function parseCsv(text: string, source: string): { header: string[]; records: RawRecord[] } {
  const [head, ...records] = tokenize(text.replace(/^\uFEFF/, ""), source);
  if (!head) fail(source, 1, "the file is empty; expected a header row");
  const seen = new Set<string>();
  head.fields.forEach((name, index) => {
    if (name === "") fail(source, head.line, `column ${index + 1} of the header has no name`);
    if (seen.has(name)) fail(source, head.line, `the header names column "${name}" twice`);
    seen.add(name);
  });
  for (const record of records) {
    if (record.fields.length !== head.fields.length) {
      fail(source, record.line, `expected ${head.fields.length} fields like the header, found ${record.fields.length}`);
    }
  }
  return { header: head.fields, records };
}

/**
 * Turns CSV text into chart rows. A column becomes numbers only when every
 * non-empty cell in it is numeric, so a mostly numeric column with a typo
 * stays text and validation can point at the offending cell. Empty cells stay "" and mean "no value".
 */
export function csvToModule(text: string, source: string): CsvModule {
  const { header, records } = parseCsv(text, source);
  const numericColumns = header.map((_, column) => {
    let sawValue = false;
    for (const record of records) {
      const cell = record.fields[column] ?? "";
      if (cell === "") continue;
      if (parseNumeric(cell) === undefined) return false;
      sawValue = true;
    }
    return sawValue;
  });
  const rows = records.map((record) => {
    const row: CsvRow = {};
    header.forEach((name, column) => {
      const cell = record.fields[column] ?? "";
      row[name] = numericColumns[column] && cell !== "" ? (parseNumeric(cell) as number) : cell;
    });
    return row;
  });
  return { source, rows };
}
