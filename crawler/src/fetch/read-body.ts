import { FetchError } from './fetch-error.ts';

/**
 * Reads a response body up to `maxBytes`. Past the cap it either stops reading (`truncate`, for robots.txt) or
 * cancels the download and throws, so an oversized page never sits in memory.
 */
export async function readBody(
  response: Response,
  url: string,
  maxBytes: number,
  { truncate = false } = {},
): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (!truncate && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(url, maxBytes, `declares ${declared} bytes`);
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = maxBytes - total;
    if (value.byteLength > room) {
      await reader.cancel().catch(() => {});
      if (!truncate) throw tooLarge(url, maxBytes, `sent more than ${maxBytes} bytes`);
      chunks.push(value.subarray(0, room));
      total += room;
      break;
    }
    chunks.push(value);
    total += value.byteLength;
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(url: string, maxBytes: number, what: string): FetchError {
  return new FetchError(
    'too-large',
    url,
    `response refused: it ${what}, over the ${maxBytes}-byte cap; raise politeness.maxBytes for this source if the page is genuine`,
  );
}
