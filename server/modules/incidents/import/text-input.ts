// Reading an uploaded table file as rows, with bounded memory: the file is decoded as a stream
// (UTF-8 with or without BOM, UTF-16 LE/BE with or without BOM, Windows-1252 when the start is
// not valid UTF-8), binary garbage is refused with a reason, and delimited text or the first
// sheet of an XLSX workbook is yielded one row at a time with its 1-based physical line number.
// Callers pull rows (async generators), so at most one read chunk and one row are held at once.
import { createReadStream } from 'node:fs';
import { open as openFile, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** A file that cannot be read as a table; `line` when the fault is at a known line. */
export class TextInputError extends Error {
  readonly line: number;
  constructor(reason: string, line = 0) {
    super(reason);
    this.name = 'TextInputError';
    this.line = line;
  }
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface TableRow {
  /** 1-based physical line of the file where the row starts (the sheet row number for XLSX). */
  line: number;
  cells: string[];
}

export interface ReadOptions {
  /** `,`, `;` or tab; sniffed from the first line when not given. */
  delimiter?: string;
  /** Called after each chunk read: bytes done of the file's size. */
  onBytes?: (done: number, total: number) => void;
}

const sampleBytes = 64 * 1024;
const chunkBytes = 256 * 1024;
/** A row longer than this is not a table row (e.g. a binary file without line breaks). */
export const maxRowChars = 1024 * 1024;

/** What the first bytes say: the encoding and how many BOM bytes to skip. */
export function detectEncoding(sample: Buffer): { encoding: TextEncoding; bomBytes: number } {
  if (sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  if (sample.length >= 2 && sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (sample.length >= 2 && sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
  // UTF-16 without BOM: text in Latin script has a NUL in every other byte.
  const pairs = Math.floor(sample.length / 2);
  if (pairs >= 2) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i + 1 < sample.length; i += 2) {
      if (sample[i] === 0) evenNul++;
      if (sample[i + 1] === 0) oddNul++;
    }
    if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return { encoding: 'utf-16le', bomBytes: 0 };
    if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return { encoding: 'utf-16be', bomBytes: 0 };
  }
  return { encoding: isValidUtf8Prefix(sample) ? 'utf-8' : 'windows-1252', bomBytes: 0 };
}

/** Valid UTF-8, allowing a multi-byte sequence cut off at the end of the sample. */
function isValidUtf8Prefix(sample: Buffer): boolean {
  let end = sample.length;
  // Step back over a possibly truncated last sequence (at most 3 continuation bytes).
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = sample[end - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte >= 0xc0) end -= back;
    break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** Share of characters that no table has: NUL and C0 controls other than tab, CR, LF, FF. */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return bad / text.length;
}

async function readSample(filePath: string): Promise<Buffer> {
  const handle = await openFile(filePath, 'r');
  try {
    const buffer = Buffer.alloc(sampleBytes);
    const { bytesRead } = await handle.read(buffer, 0, sampleBytes, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    throw new TextInputError(`The file cannot be read: ${(error as Error).message}`);
  } finally {
    await handle.close();
  }
}

/** Decodes a file chunk by chunk; refuses binary content with a reason. */
export async function* decodeFile(filePath: string, onBytes?: (done: number, total: number) => void): AsyncGenerator<string, void, undefined> {
  const sample = await readSample(filePath);
  const { encoding, bomBytes } = detectEncoding(sample);
  const sampleText = iconv.decode(sample.subarray(bomBytes), encoding === 'utf-8' ? 'utf8' : encoding);
  if (controlShare(sampleText.slice(0, sampleText.length - 4)) > 0.001 || sampleText.includes('\u0000')) {
    throw new TextInputError('The file is not a text table: it holds binary data (NUL or control bytes). Export it as CSV (UTF-8) or XLSX.', 1);
  }
  const total = (await stat(filePath)).size;
  const utf8 = encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }) : null;
  const decoder = utf8 ? null : iconv.getDecoder(encoding);
  let done = 0;
  let line = 1;
  for await (const raw of createReadStream(filePath, { start: bomBytes, highWaterMark: chunkBytes })) {
    const chunk = raw as Buffer;
    done += chunk.length;
    let text: string;
    try {
      text = utf8 ? utf8.decode(chunk, { stream: true }) : decoder!.write(chunk);
    } catch {
      throw new TextInputError('The file is not valid UTF-8 past its beginning (mixed encodings). Save it again as UTF-8.', line);
    }
    if (text.includes('\u0000')) throw new TextInputError('The file holds binary data (NUL bytes). Export it as CSV (UTF-8) or XLSX.', line);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) line++;
    onBytes?.(done + bomBytes, total);
    if (text) yield text;
  }
  const rest = utf8 ? utf8.decode() : decoder!.end();
  if (rest) yield rest;
}

/** The delimiter that occurs most often (outside quotes) in the first line. */
export function sniffDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

/**
 * Rows of a delimited text file (RFC 4180 quoting: `"` around cells, `""` inside; a quoted
 * cell may span lines). Blank lines are skipped. Each row carries the physical line it starts on.
 */
export async function* readDelimitedRows(filePath: string, options: ReadOptions = {}): AsyncGenerator<TableRow, void, undefined> {
  let delimiter = options.delimiter;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let afterQuote = false;
  let rowChars = 0;
  let line = 1;
  let rowLine = 1;
  let pendingCR = false;
  let head = '';

  function* endRow(): Generator<TableRow> {
    cells.push(cell);
    const row = cells;
    cells = [];
    cell = '';
    afterQuote = false;
    rowChars = 0;
    if (!(row.length === 1 && row[0] === '')) yield { line: rowLine, cells: row };
  }

  function* feed(text: string): Generator<TableRow> {
    const d = delimiter!;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const ch = text[i]!;
      if (pendingCR) {
        pendingCR = false;
        if (ch === '\n') {
          i++;
          continue;
        }
      }
      if (quoted) {
        // Copy up to the next quote in one slice.
        const q = text.indexOf('"', i);
        const stop = q === -1 ? n : q;
        const part = text.slice(i, stop);
        for (let j = part.indexOf('\n'); j !== -1; j = part.indexOf('\n', j + 1)) line++;
        cell += part;
        rowChars += part.length;
        if (rowChars > maxRowChars) throw new TextInputError(`A row is longer than ${maxRowChars} characters (an unclosed quote?).`, rowLine);
        if (q === -1) return;
        // A quote: either the end of the quoted part or the first of `""`.
        if (q + 1 >= n) {
          // Decide with the next chunk: remember we are just after a quote inside quotes.
          quoted = false;
          afterQuote = true;
          i = q + 1;
          continue;
        }
        if (text[q + 1] === '"') {
          cell += '"';
          i = q + 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
        i = q + 1;
        continue;
      }
      if (ch === '"') {
        if (afterQuote) {
          // `""` split across chunks, or a `"` right after a closing quote: an escaped quote.
          cell += '"';
          quoted = true;
          afterQuote = false;
        } else if (cell === '') {
          quoted = true;
        } else {
          cell += ch; // a stray quote inside an unquoted cell is kept as text
        }
        i++;
        continue;
      }
      afterQuote = false;
      if (ch === d) {
        cells.push(cell);
        cell = '';
        i++;
        continue;
      }
      if (ch === '\n' || ch === '\r') {
        yield* endRow();
        line++;
        rowLine = line;
        if (ch === '\r') pendingCR = true;
        i++;
        continue;
      }
      // Plain run of characters up to the next special one.
      let j = i + 1;
      while (j < n) {
        const c = text[j]!;
        if (c === d || c === '\n' || c === '\r' || c === '"') break;
        j++;
      }
      cell += text.slice(i, j);
      rowChars += j - i;
      if (rowChars > maxRowChars) throw new TextInputError(`A row is longer than ${maxRowChars} characters: not a table.`, rowLine);
      i = j;
    }
  }

  for await (const text of decodeFile(filePath, options.onBytes)) {
    if (!delimiter) {
      head += text;
      const eol = head.search(/[\r\n]/);
      if (eol === -1 && head.length < maxRowChars) continue;
      delimiter = sniffDelimiter(eol === -1 ? head : head.slice(0, eol));
      const buffered = head;
      head = '';
      yield* feed(buffered);
      continue;
    }
    yield* feed(text);
  }
  if (!delimiter && head) {
    delimiter = sniffDelimiter(head);
    yield* feed(head);
  }
  if (quoted) throw new TextInputError('A quoted cell is not closed before the end of the file.', rowLine);
  if (cell !== '' || cells.length > 0) yield* endRow();
}

/** A cell value of exceljs as the text a CSV would hold (dates as YYYY-MM-DD). */
export function xlsxCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('');
    if ('result' in v) return xlsxCellText(v.result);
    if ('text' in v) return xlsxCellText(v.text);
    if (typeof v.error === 'string') return '';
  }
  return '';
}

/** Rows of the first sheet of an XLSX workbook, streamed; `line` is the sheet's row number. */
export async function* readXlsxRows(filePath: string, options: ReadOptions = {}): AsyncGenerator<TableRow, void, undefined> {
  const sample = await readSample(filePath);
  if (sample.length < 4 || sample[0] !== 0x50 || sample[1] !== 0x4b) {
    throw new TextInputError('The file is not an XLSX workbook (it is not a ZIP archive). Save it as .xlsx, or upload CSV.', 1);
  }
  const total = (await stat(filePath)).size;
  const input = createReadStream(filePath, { highWaterMark: chunkBytes });
  let done = 0;
  input.on('data', (chunk) => {
    done += chunk.length;
    options.onBytes?.(done, total);
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    entries: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(xlsxCellText(values[c]).trim());
        if (cells.some((cell) => cell !== '')) yield { line: row.number, cells };
      }
      return; // first sheet only
    }
  } catch (error) {
    if (error instanceof TextInputError) throw error;
    throw new TextInputError(`The XLSX workbook cannot be read: ${(error as Error).message}`, 0);
  } finally {
    input.destroy();
  }
}

/** Rows of a CSV/TSV or XLSX file, chosen by the file name's extension (or a ZIP signature). */
export async function* readTableRows(filePath: string, fileName: string, options: ReadOptions = {}): AsyncGenerator<TableRow, void, undefined> {
  const sample = await readSample(filePath);
  if (sample.length === 0) throw new TextInputError('The file is empty.', 0);
  const isZip = sample.length >= 4 && sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 && sample[3] === 0x04;
  if (/\.xlsx$/i.test(fileName) || isZip) yield* readXlsxRows(filePath, options);
  else yield* readDelimitedRows(filePath, options);
}
