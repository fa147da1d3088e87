import { MAX_JSON_DEPTH, type TextPosition } from '../linked-data/json-depth.ts';
import type { TextChunks } from './decode.ts';
import { FeedError } from './problems.ts';

/** One value read from a JSON document without holding the whole document. */
export interface JsonItem {
  /** the top-level key the value sits under, or null for a top-level array */
  key: string | null;
  /** its index in that array, or -1 for a value that is not in an array */
  index: number;
  /** the line its text starts on */
  line: number;
  /** the parsed value, or the reason it could not be parsed */
  value: unknown;
  error?: string;
  /** where the value nested too deep to be parsed */
  tooDeep?: TextPosition;
}

const enum Expect {
  Top,
  ArrayValue,
  ArrayValueOrEnd,
  ArrayCommaOrEnd,
  ObjectKeyOrEnd,
  ObjectKey,
  InKey,
  Colon,
  ObjectValue,
  ObjectCommaOrEnd,
  Capture,
  End,
}

const MAX_VALUE_LENGTH = 20_000_000;

/**
 * Streams the elements of a JSON array, or of the arrays a top-level object holds (`{ "courses": [...] }`),
 * one parsed value at a time, so a feed of any length reads in constant memory. A malformed element is
 * reported and skipped when its extent is clear; a document cut off or broken between elements is refused
 * with its line and column.
 */
export class JsonItemReader {
  private expect = Expect.Top;
  private line = 1;
  private column = 0;
  private inArray = false;
  private key: string | null = null;
  private index = 0;
  private afterCapture = Expect.ArrayCommaOrEnd;
  // the value being captured
  private parts: string[] = [];
  private length = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private scalar = false;
  private start = { line: 1, column: 0 };
  /** where the value being captured first nested too deep */
  private tooDeep: TextPosition | null = null;
  private keyText = '';

  push(chunk: string, out: JsonItem[]): void {
    let captureFrom = this.expect === Expect.Capture || this.expect === Expect.InKey ? 0 : -1;
    for (let position = 0; position < chunk.length; position++) {
      const char = chunk[position]!;
      if (char === '\n') {
        this.line++;
        this.column = 0;
      } else this.column++;
      if (this.expect === Expect.Capture) {
        if (this.captureEnds(char)) {
          const end = this.scalar ? position : position + 1;
          this.parts.push(chunk.slice(captureFrom, end));
          this.finishCapture(out);
          captureFrom = -1;
          // the character that ended a scalar belongs to the structure around it
          if (this.scalar) this.structure(char, chunk, position);
        }
        continue;
      }
      if (this.expect === Expect.InKey) {
        if (this.escaped) this.escaped = false;
        else if (char === '\\') this.escaped = true;
        else if (char === '"') {
          this.keyText += chunk.slice(captureFrom, position + 1);
          this.key = JSON.parse(this.keyText) as string;
          this.expect = Expect.Colon;
          captureFrom = -1;
        }
        continue;
      }
      const next = this.structure(char, chunk, position);
      if (next >= 0) captureFrom = next;
    }
    if (captureFrom >= 0 && this.expect === Expect.Capture) {
      this.parts.push(chunk.slice(captureFrom));
      this.length += chunk.length - captureFrom;
      if (this.length > MAX_VALUE_LENGTH)
        throw this.fail(
          `The record that starts on line ${this.start.line} is longer than ${MAX_VALUE_LENGTH / 1e6} million characters`,
          'Split it, or check for a bracket or quote that is never closed.',
          this.start,
        );
    } else if (captureFrom >= 0 && this.expect === Expect.InKey) this.keyText += chunk.slice(captureFrom);
  }

  end(): void {
    if (this.expect === Expect.End) return;
    if (this.expect === Expect.Top) throw this.fail('The file is empty', 'Send a JSON array of courses.');
    const what =
      this.expect === Expect.Capture
        ? `the record that starts on line ${this.start.line}, column ${this.start.column} is not closed`
        : `a closing ${this.inArray ? ']' : '}'} is missing`;
    throw this.fail(
      `The JSON ends before it is complete (at line ${this.line}): ${what}`,
      'The file may have been cut off while saving or uploading; send the whole file.',
    );
  }

  /** Handles a character between values; returns where a capture starts, or -1. */
  private structure(char: string, chunk: string, position: number): number {
    if (char === ' ' || char === '\n' || char === '\r' || char === '\t' || char === '\uFEFF') return -1;
    switch (this.expect) {
      case Expect.Top:
        if (char === '[') return (this.openArray(null), -1);
        if (char === '{') return ((this.expect = Expect.ObjectKeyOrEnd), -1);
        throw this.fail(
          `This is not JSON: it starts with "${chunk.slice(position, position + 20)}"`,
          'A JSON feed starts with [ (a list of courses) or { (an object holding "courses").',
        );
      case Expect.ArrayValueOrEnd:
      case Expect.ArrayValue:
        if (char === ']' && this.expect === Expect.ArrayValueOrEnd) return (this.closeArray(), -1);
        if (char === ']' || char === ',')
          throw this.fail(`Unexpected "${char}" where a value should be`, 'Remove the extra comma.');
        return this.beginCapture(char, position, Expect.ArrayCommaOrEnd);
      case Expect.ArrayCommaOrEnd:
        if (char === ',') return ((this.expect = Expect.ArrayValue), -1);
        if (char === ']') return (this.closeArray(), -1);
        throw this.fail(
          `Expected "," or "]" after record ${this.index} but found "${char}"`,
          'Put a comma between records.',
        );
      case Expect.ObjectKeyOrEnd:
      case Expect.ObjectKey:
        if (char === '}' && this.expect === Expect.ObjectKeyOrEnd) return ((this.expect = Expect.End), -1);
        if (char === '"') {
          this.expect = Expect.InKey;
          this.keyText = '';
          this.escaped = false;
          return position;
        }
        throw this.fail(
          `Expected a quoted key but found "${char}"`,
          'Keys in JSON are written in double quotes.',
        );
      case Expect.Colon:
        if (char === ':') return ((this.expect = Expect.ObjectValue), -1);
        throw this.fail(`Expected ":" after "${this.key}" but found "${char}"`, 'Write "key": value.');
      case Expect.ObjectValue:
        if (char === '[') return (this.openArray(this.key), -1);
        return this.beginCapture(char, position, Expect.ObjectCommaOrEnd);
      case Expect.ObjectCommaOrEnd:
        if (char === ',') return ((this.expect = Expect.ObjectKey), -1);
        if (char === '}') return ((this.expect = Expect.End), -1);
        throw this.fail(
          `Expected "," or "}" but found "${char}"`,
          'Put a comma between the entries of an object.',
        );
      case Expect.End:
        throw this.fail(
          `Unexpected "${chunk.slice(position, position + 20)}" after the end of the JSON`,
          'Send one JSON document: several arrays must be joined into one.',
        );
      default:
        return -1;
    }
  }

  private openArray(key: string | null): void {
    this.inArray = true;
    this.key = key;
    this.index = 0;
    this.expect = Expect.ArrayValueOrEnd;
  }

  private closeArray(): void {
    this.inArray = false;
    this.expect = this.key === null ? Expect.End : Expect.ObjectCommaOrEnd;
  }

  private beginCapture(char: string, position: number, after: Expect): number {
    this.expect = Expect.Capture;
    this.afterCapture = after;
    this.parts = [];
    this.length = 0;
    this.start = { line: this.line, column: this.column };
    this.inString = char === '"';
    this.escaped = false;
    this.depth = char === '{' || char === '[' ? 1 : 0;
    this.tooDeep = null;
    this.scalar = !this.inString && this.depth === 0;
    return position;
  }

  /** Whether `char` (already counted) completes the value being captured. */
  private captureEnds(char: string): boolean {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (char === '\\') this.escaped = true;
      else if (char === '"') {
        this.inString = false;
        return this.depth === 0;
      }
      return false;
    }
    if (this.scalar) return char === ',' || char === ']' || char === '}' || /\s/.test(char);
    if (char === '"') this.inString = true;
    else if (char === '{' || char === '[') {
      if (++this.depth > MAX_JSON_DEPTH) this.tooDeep ??= { line: this.line, column: this.column };
    } else if (char === '}' || char === ']') return --this.depth === 0;
    return false;
  }

  private finishCapture(out: JsonItem[]): void {
    const text = this.parts.join('');
    this.parts = [];
    const item: JsonItem = {
      key: this.key,
      index: this.inArray ? this.index++ : -1,
      line: this.start.line,
      value: undefined,
    };
    if (this.tooDeep) item.tooDeep = this.tooDeep;
    else
      try {
        item.value = JSON.parse(text);
      } catch (error) {
        item.error = describeJsonError(error, text, this.start);
      }
    out.push(item);
    this.expect = this.afterCapture;
  }

  private fail(message: string, fix: string, at = { line: this.line, column: this.column }): FeedError {
    return new FeedError(`${message} (line ${at.line}, column ${at.column}).`, fix, at);
  }
}

/** "Expected ',' or '}' after property value (line 12, column 8)" from JSON.parse's message and position. */
export function describeJsonError(error: unknown, text: string, start = { line: 1, column: 1 }): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  const reason = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
  if (!position) return `${reason} (starting line ${start.line})`;
  const before = text.slice(0, Number(position[1]));
  const lines = before.split('\n');
  const line = start.line + lines.length - 1;
  const column = lines.length === 1 ? start.column + before.length : lines.at(-1)!.length + 1;
  return `${reason} (line ${line}, column ${column})`;
}

export async function* readJsonItems(text: TextChunks): AsyncGenerator<JsonItem> {
  const reader = new JsonItemReader();
  const out: JsonItem[] = [];
  for await (const chunk of text) {
    reader.push(chunk, out);
    yield* out;
    out.length = 0;
  }
  reader.end();
}
