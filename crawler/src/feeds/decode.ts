import { FeedError } from './problems.ts';

export type FeedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
/** A feed as it arrives: a file or request body streamed in chunks, or already in memory. */
export type FeedInput = AsyncIterable<Uint8Array> | Uint8Array | string;
/** Decoded text, a chunk at a time. */
export type TextChunks = AsyncIterable<string> | Iterable<string>;

export interface DecodedFeed {
  encoding: FeedEncoding;
  /** the start of the text, for format detection */
  sample: string;
  /** the whole text, a chunk at a time, without byte order mark */
  text: TextChunks;
}

const SAMPLE_BYTES = 64 * 1024;

const SIGNATURES: [bytes: number[], what: string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (an Excel .xlsx or OpenDocument workbook is one)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old-style Excel (.xls) workbook'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'a gzip-compressed file'],
];
const EXPORT_HINT =
  'Export the catalogue as CSV (UTF-8) or JSON; in a spreadsheet use "Save as… CSV UTF-8". A compressed upload must say Content-Encoding: gzip.';

async function* chunksOf(input: FeedInput): AsyncIterable<Uint8Array> {
  if (typeof input === 'string') yield new TextEncoder().encode(input);
  else if (input instanceof Uint8Array) yield input;
  else yield* input;
}

/**
 * Detects the text encoding (a byte order mark, UTF-16 without one, else UTF-8, falling back to
 * Windows-1252 when the bytes are not UTF-8) and decodes the feed as a stream. Refuses binary files.
 */
export async function decodeFeed(input: FeedInput): Promise<DecodedFeed> {
  if (typeof input === 'string') {
    const text = input.replace(/^\uFEFF/, '');
    return {
      encoding: 'utf-8',
      sample: text.slice(0, SAMPLE_BYTES),
      text: [text],
    };
  }
  const iterator = chunksOf(input)[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headLength = 0;
  let finished = false;
  while (headLength < SAMPLE_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      finished = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
  }
  const start = Buffer.concat(head);
  refuseBinary(start);
  const { encoding, bomLength } = detectEncoding(start);
  const sample = new TextDecoder(encoding).decode(start.subarray(bomLength, SAMPLE_BYTES));
  async function* rest(): AsyncIterable<Uint8Array> {
    yield start.subarray(bomLength);
    if (finished) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { encoding, sample, text: decodeChunks(rest(), encoding) };
}

function refuseBinary(start: Uint8Array): void {
  for (const [bytes, what] of SIGNATURES) {
    if (bytes.every((byte, index) => start[index] === byte))
      throw new FeedError(`This is not a feed: the file is ${what}.`, EXPORT_HINT, { byte: 0 });
  }
}

function detectEncoding(start: Uint8Array): { encoding: FeedEncoding; bomLength: number } {
  if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (start[0] === 0xff && start[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (start[0] === 0xfe && start[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  // UTF-16 without a byte order mark: ASCII text has a zero in every other byte
  let evenZeros = 0;
  let oddZeros = 0;
  const checked = Math.min(start.length, 4096);
  for (let index = 0; index < checked; index++) {
    if (start[index] !== 0) continue;
    if (index % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  const pairs = checked / 2;
  if (pairs > 0 && oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05)
    return { encoding: 'utf-16le', bomLength: 0 };
  if (pairs > 0 && evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05)
    return { encoding: 'utf-16be', bomLength: 0 };
  const zero = start.subarray(0, checked).indexOf(0);
  if (zero >= 0)
    throw new FeedError(
      `This is not a feed: byte ${zero} is a NUL byte, which no text file contains.`,
      EXPORT_HINT,
      { byte: zero },
    );
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(start, { stream: true });
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    return { encoding: 'windows-1252', bomLength: 0 };
  }
}

/**
 * Decodes chunk by chunk. A file that looked like UTF-8 (plain ASCII so far) but turns out not to be is
 * read as Windows-1252 from there on; one that mixes real UTF-8 with other bytes is refused.
 */
async function* decodeChunks(
  chunks: AsyncIterable<Uint8Array>,
  detected: FeedEncoding,
): AsyncIterable<string> {
  let encoding = detected;
  let decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  let offset = 0;
  let sawNonAscii = false;
  for await (const chunk of chunks) {
    try {
      if (encoding === 'utf-16le' || encoding === 'utf-16be') yield decoder.decode(chunk, { stream: true });
      else yield* decodeLines(decoder, chunk);
    } catch {
      if (sawNonAscii) {
        const bad = firstInvalidUtf8(chunk);
        throw new FeedError(
          `The file mixes text encodings: it is UTF-8 up to byte ${offset + bad}, where a byte is not.`,
          'Save the whole file again as UTF-8 (or as Windows-1252), not a mix of both.',
          { byte: offset + bad },
        );
      }
      encoding = 'windows-1252';
      decoder = new TextDecoder(encoding);
      yield decoder.decode(chunk, { stream: true });
    }
    if (!sawNonAscii && encoding === 'utf-8') sawNonAscii = chunk.some((byte) => byte >= 0x80);
    offset += chunk.length;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/**
 * Decodes a chunk line by line: each line becomes its own string, so a cell read from it is stored in one byte
 * per character unless its own line needs more, and does not keep the whole chunk alive.
 */
function decodeLines(decoder: TextDecoder, chunk: Uint8Array): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let end = chunk.indexOf(10); end >= 0; end = chunk.indexOf(10, start)) {
    lines.push(decoder.decode(chunk.subarray(start, end + 1), { stream: true }));
    start = end + 1;
  }
  if (start < chunk.length) lines.push(decoder.decode(chunk.subarray(start), { stream: true }));
  return lines;
}

/** The index of the first byte that breaks UTF-8 (a linear scan; the decoder does not say where). */
function firstInvalidUtf8(chunk: Uint8Array): number {
  let index = 0;
  while (index < chunk.length) {
    const byte = chunk[index]!;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte <= 0xdf
          ? 2
          : byte >= 0xe0 && byte <= 0xef
            ? 3
            : byte >= 0xf0 && byte <= 0xf4
              ? 4
              : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next++) {
      const continuation = chunk[index + next];
      if (continuation === undefined) return index;
      if ((continuation & 0xc0) !== 0x80) return index + next;
    }
    index += length;
  }
  return index;
}
