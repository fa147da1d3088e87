import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createInflate } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import busboy from 'busboy';
import { HTTPException } from 'hono/http-exception';
import { apiError } from '../../errors.ts';

/** A feed body saved to disk, ready to be read as often as needed (checked, applied, annotated). */
export interface SpooledFeed {
  path: string;
  bytes: number;
  contentType: string;
  fileName: string | null;
  /** form fields sent next to the file (multipart) */
  fields: Record<string, string>;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

export function tooLarge(limit: number, size?: number) {
  return apiError(
    413,
    `The feed is ${size ? megabytes(size) : 'larger than the limit'}; the limit is ${megabytes(limit)} (${limit} bytes, after decompression). Split the catalogue into several feeds sent with mode=upsert.`,
    'body',
  );
}

/** Counts bytes as they pass and fails the stream as soon as there are more than `limit`. */
export function byteLimit(limit: number, onExceeded: () => Error): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit) callback(onExceeded());
      else callback(null, chunk);
    },
  });
}

export function decompressor(encoding: string | undefined): Transform | null {
  const name = encoding?.trim().toLowerCase();
  if (!name || name === 'identity') return null;
  if (name === 'gzip' || name === 'x-gzip') return createGunzip();
  if (name === 'deflate') return createInflate();
  throw apiError(
    415,
    `Content-Encoding "${encoding}" is not supported; send the feed plain or gzip-compressed.`,
    'Content-Encoding',
  );
}

class LimitExceeded extends Error {}

/**
 * Saves the request body (raw, or the file of a multipart form) in `folder`, decompressing gzip, and refuses
 * it with 413 once it passes `limit` bytes: the declared length is checked first, the real one as it streams.
 */
export async function spoolRequest(request: Request, folder: string, limit: number): Promise<SpooledFeed> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  const encoding = request.headers.get('content-encoding') ?? undefined;
  if (!encoding && declared > limit) throw tooLarge(limit, declared);
  if (!request.body) throw emptyFeed();
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const path = join(folder, `${randomUUID()}.feed`);
  const contentType = request.headers.get('content-type') ?? '';
  const spooled: SpooledFeed = { path, bytes: 0, contentType, fileName: null, fields: {} };
  try {
    if (/^multipart\/form-data/i.test(contentType)) await spoolMultipart(request, spooled, limit);
    else {
      const inflate = decompressor(encoding);
      const steps = [
        Readable.fromWeb(request.body as never),
        ...(inflate ? [inflate] : []),
        byteLimit(limit, () => new LimitExceeded()),
      ];
      await pipeline([...steps, countInto(spooled), createWriteStream(path, { mode: 0o600 })]);
    }
  } catch (error) {
    rmSync(path, { force: true });
    if (error instanceof LimitExceeded) throw tooLarge(limit);
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('Z_'))
      throw apiError(
        400,
        `The body says Content-Encoding: ${encoding} but is not valid ${encoding} data (${error.message}).`,
        'Content-Encoding',
      );
    throw error;
  }
  if (spooled.bytes === 0) {
    rmSync(path, { force: true });
    throw emptyFeed();
  }
  return spooled;
}

function countInto(spooled: SpooledFeed): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      spooled.bytes += chunk.length;
      callback(null, chunk);
    },
  });
}

function emptyFeed() {
  return apiError(
    400,
    'The request has no feed: send the file as the body (e.g. Content-Type: text/csv) or as the form field "file".',
    'body',
  );
}

/** Form fields (options) are short; a larger one is refused rather than cut. */
const MAX_FIELD_BYTES = 64 * 1024;

/**
 * Streams a multipart form: the feed's file part goes to disk as it arrives, never whole in memory. The part
 * named "file" is the feed (else the first file part); other parts are read past.
 */
async function spoolMultipart(request: Request, spooled: SpooledFeed, limit: number): Promise<void> {
  const unreadable = () =>
    apiError(400, 'The multipart form could not be read; send the feed as the form field "file".', 'body');
  let form: busboy.Busboy;
  try {
    form = busboy({
      headers: { 'content-type': spooled.contentType },
      limits: { fieldSize: MAX_FIELD_BYTES, fields: 50, parts: 100 },
    });
  } catch {
    throw unreadable();
  }
  const reading = new AbortController();
  let receiving: Readable | undefined;
  let chosen: string | null = null;
  let saved = Promise.resolve();
  form.on('field', (name, value, { valueTruncated }) => {
    if (valueTruncated)
      reading.abort(apiError(413, `The form field "${name}" is over ${MAX_FIELD_BYTES / 1024} KiB.`, name));
    spooled.fields[name] = value;
  });
  form.on('file', (name, stream, info) => {
    if (chosen !== null && (chosen === 'file' || name !== 'file')) return void stream.resume();
    chosen = name;
    receiving = stream;
    // a later part named "file" replaces an earlier file part once that one is written
    saved = saved.then(() => {
      Object.assign(spooled, { bytes: 0, fileName: info.filename || null, contentType: info.mimeType || '' });
      const limited = byteLimit(limit, () => new LimitExceeded());
      return pipeline(stream, limited, countInto(spooled), createWriteStream(spooled.path, { mode: 0o600 }));
    });
    saved.catch((error: unknown) => reading.abort(error));
  });
  try {
    const body = Readable.fromWeb(request.body as never);
    await pipeline(
      body,
      byteLimit(limit + 64 * 1024, () => new LimitExceeded()),
      form,
      {
        signal: reading.signal,
      },
    );
    await saved;
  } catch (error) {
    receiving?.destroy();
    const cause: unknown = reading.signal.aborted ? reading.signal.reason : error;
    if (cause instanceof LimitExceeded || cause instanceof HTTPException) throw cause;
    throw unreadable();
  }
  if (chosen === null) throw emptyFeed();
}
