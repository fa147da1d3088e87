import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCourses, generatedProviders } from '../testing.ts';
import { CatalogueStore } from './store.ts';

const dir = mkdtempSync(join(tmpdir(), 'catalogue-checkpoints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A catalogue whose log has grown well past SQLite's checkpoint threshold (1,000 pages) in one write. */
function fill(store: CatalogueStore) {
  for (const provider of generatedProviders(5)) store.upsertProvider(provider);
  store.upsertCourses(generateCourses(3000, { providers: 5 }));
}
const size = (file: string) => statSync(file).size;

describe('checkpoints off the thread that answers HTTP (issue 16)', () => {
  it('a write on this thread no longer copies the log back into the file', () => {
    const file = join(dir, 'quiet.db');
    const store = new CatalogueStore(file);
    // its thread's first turn is an hour away: only a checkpoint by this thread could fill the file now
    store.checkpointOffThread(3_600_000);
    fill(store);
    expect(size(`${file}-wal`)).toBeGreaterThan(4_000_000);
    expect(size(file)).toBeLessThan(size(`${file}-wal`) / 4);
    expect(store.countCourses()).toBe(3000);
    store.close();
  });

  it('the checkpoint thread copies it back, while this thread reads and writes as before', async () => {
    const file = join(dir, 'busy.db');
    const store = new CatalogueStore(file);
    store.checkpointOffThread(20);
    fill(store);
    while (size(file) < size(`${file}-wal`) / 2) await new Promise((resolve) => setTimeout(resolve, 20));
    store.upsertCourses(generateCourses(10, { providers: 5, first: 3000 }));
    expect(store.countCourses()).toBe(3010);
    store.close();
    const reopened = new CatalogueStore(file);
    expect(reopened.countCourses()).toBe(3010);
    reopened.close();
  }, 30_000);
});
