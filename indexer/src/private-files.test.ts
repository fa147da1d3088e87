import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogueStore } from './catalogue/index.ts';
import { openToOthers } from './private-files.ts';
import { testCourse } from './test-courses.ts';

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('private files', () => {
  it('creates a new catalogue where only its owner can read it: folders 0700, database and WAL files 0600', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'private-')), 'data');
    const file = join(dataDir, 'catalogue.db');
    const store = new CatalogueStore(file);
    store.upsertCourses([testCourse({ title: 'Private Matters' })]);
    expect(mode(dataDir)).toBe('700');
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(mode(path)).toBe('600');
    store.close();
  });

  it('names the paths that other users may read or enter, and only those', () => {
    const root = mkdtempSync(join(tmpdir(), 'private-'));
    const [open, closed] = [join(root, 'open'), join(root, 'closed')];
    mkdirSync(open, { mode: 0o755 });
    chmodSync(open, 0o755);
    mkdirSync(closed, { mode: 0o700 });
    writeFileSync(join(closed, 'feed.csv'), 'x', { mode: 0o640 });
    writeFileSync(join(closed, 'key'), 'x', { mode: 0o600 });
    const paths = [open, closed, join(closed, 'feed.csv'), join(closed, 'key'), join(root, 'missing')];
    expect(openToOthers(paths)).toEqual([
      { path: open, mode: '755' },
      { path: join(closed, 'feed.csv'), mode: '640' },
    ]);
  });
});
