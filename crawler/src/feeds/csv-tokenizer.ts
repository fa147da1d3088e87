import { DELIMITERS, type Delimiter } from '@shortlist/schemas';
import { FeedError } from './problems.ts';

export { DELIMITERS, type Delimiter };

/** One CSV record: its cells and the line it starts on (a quoted cell may span lines). */
export interface CsvRecord {
  line: number;
  cells: string[];
  /** cells that break the quoting rules but could still be read */
  problems: { cell: number; message: string; fix: string }[];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

const enum State {
  CellStart,
  Unquoted,
  Quoted,
  /** a quote inside a quoted cell: the end of the cell, or the first of a doubled quote */
  QuoteInQuoted,
}

/** The delimiter that splits the header line into the most cells: comma, semicolon or tab. */
export function detectDelimiter(sample: string): Delimiter | null {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const char of sample) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char as Delimiter))
      counts.set(char as Delimiter, counts.get(char as Delimiter)! + 1);
  }
  const [best, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return count > 0 ? best : null;
}

/**
 * A streaming CSV reader (RFC 4180 plus what spreadsheets write): quoted cells with doubled quotes and line
 * breaks, CRLF, LF or CR line ends, blank lines skipped. Push text as it arrives; complete records come out.
 */
export class CsvTokenizer {
  private state = State.CellStart;
  private cell = '';
  private cells: string[] = [];
  private problems: CsvRecord['problems'] = [];
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private skipLineFeed = false;
  /** inside a quoted cell, whether the last character was CR (so a following LF ends the same line) */
  private afterCarriageReturn = false;
  private readonly delimiter: number;

  constructor(
    delimiter: Delimiter,
    private readonly maxCellLength = 1_000_000,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  push(chunk: string, out: CsvRecord[]): void {
    const delimiter = this.delimiter;
    let segmentStart = 0;
    for (let index = 0; index < chunk.length; index++) {
      const code = chunk.charCodeAt(index);
      if (this.skipLineFeed) {
        this.skipLineFeed = false;
        if (code === LF) {
          segmentStart = index + 1;
          continue;
        }
      }
      switch (this.state) {
        case State.CellStart:
          if (code === QUOTE) {
            this.state = State.Quoted;
            this.quoteLine = this.line;
            this.afterCarriageReturn = false;
            segmentStart = index + 1;
          } else if (code === delimiter) this.endCell();
          else if (code === LF || code === CR) this.endLine(code, out);
          else {
            this.state = State.Unquoted;
            segmentStart = index;
          }
          break;
        case State.Unquoted:
          if (code === delimiter) {
            this.cell += chunk.slice(segmentStart, index);
            this.endCell();
          } else if (code === LF || code === CR) {
            this.cell += chunk.slice(segmentStart, index);
            this.endLine(code, out);
          }
          break;
        case State.Quoted:
          if (code === QUOTE) {
            this.cell += chunk.slice(segmentStart, index);
            this.state = State.QuoteInQuoted;
          } else if (code === CR || (code === LF && !this.afterCarriageReturn)) this.line++;
          this.afterCarriageReturn = code === CR;
          break;
        case State.QuoteInQuoted:
          if (code === QUOTE) {
            this.cell += '"';
            this.state = State.Quoted;
            segmentStart = index + 1;
          } else if (code === delimiter) this.endCell();
          else if (code === LF || code === CR) this.endLine(code, out);
          else {
            this.problems.push({
              cell: this.cells.length,
              message: `text follows the closing quote of a quoted cell (at "${chunk.slice(index, index + 20)}")`,
              fix: 'Quote the whole cell and write each quote inside it twice (""), e.g. "5"" screen".',
            });
            this.cell += '"';
            this.state = State.Unquoted;
            segmentStart = index;
          }
          break;
      }
    }
    if (this.state === State.Unquoted || this.state === State.Quoted) {
      this.cell += chunk.slice(segmentStart);
      if (this.cell.length > this.maxCellLength) this.failOverlongCell();
    }
  }

  /** Ends the input: a quote still open means the file is broken from that line on. */
  end(out: CsvRecord[]): void {
    if (this.state === State.Quoted) {
      throw new FeedError(
        `Line ${this.quoteLine}: a quote opens a cell that is never closed; the file ends inside it, so the rows after line ${this.quoteLine} cannot be told apart.`,
        'Close the quote, or write a quote inside a cell as two quotes ("").',
        { line: this.quoteLine },
      );
    }
    if (this.state !== State.CellStart || this.cells.length > 0) {
      this.endCell();
      this.endRecord(out);
    }
  }

  private failOverlongCell(): never {
    const where = this.state === State.Quoted ? this.quoteLine : this.recordLine;
    throw new FeedError(
      `Line ${where}: a cell runs on for more than ${this.maxCellLength.toLocaleString('en')} characters; a quote that opens it is probably never closed.`,
      'Close the quote, or write a quote inside a cell as two quotes ("").',
      { line: where },
    );
  }

  private endCell(): void {
    if (this.cell.length > this.maxCellLength) this.failOverlongCell();
    this.cells.push(this.cell);
    this.cell = '';
    this.state = State.CellStart;
  }

  private endLine(code: number, out: CsvRecord[]): void {
    this.endCell();
    this.endRecord(out);
    this.line++;
    this.recordLine = this.line;
    if (code === CR) this.skipLineFeed = true;
  }

  private endRecord(out: CsvRecord[]): void {
    const blank = this.cells.length === 1 && this.cells[0] === '';
    if (!blank) out.push({ line: this.recordLine, cells: this.cells, problems: this.problems });
    this.cells = [];
    this.problems = [];
  }
}
