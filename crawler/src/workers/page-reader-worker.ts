import { parentPort } from 'node:worker_threads';
import { readPage, type PageToRead } from '../extract/read-page.ts';

/** Reads pages for the main thread: `{ id, page }` in, `{ id, read }` or `{ id, error }` out. */
parentPort!.on('message', ({ id, page }: { id: number; page: PageToRead }) => {
  try {
    parentPort!.postMessage({ id, read: readPage(page) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).stack ?? String(error) });
  }
});
