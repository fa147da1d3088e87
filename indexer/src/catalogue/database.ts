import Database from 'better-sqlite3';
import type { Course } from '@shortlist/schemas';
import { createPrivateFile } from '../private-files.ts';
import { migrate } from './migrations.ts';

export type Statement = Database.Statement;

/** Listings and source records are stored as their JSON, in a `data` column. */
export const parseCourse = (row: { data: string }) => JSON.parse(row.data) as Course;

/**
 * The catalogue's SQLite file, opened with its pragmas and brought to the current schema. Only the catalogue's
 * table families hold it; everything else calls their methods.
 */
export class CatalogueDatabase {
  private readonly handle: Database.Database;
  private readonly statements = new Map<string, Statement>();

  constructor(readonly file: string) {
    if (file !== ':memory:') createPrivateFile(file);
    this.handle = new Database(file);
    this.handle.pragma('journal_mode = WAL');
    this.handle.pragma('synchronous = NORMAL');
    this.handle.pragma('busy_timeout = 10000');
    // 4 MB of pages, not better-sqlite3's 16 MB: the file's pages stay in the OS cache anyway, and on the HTTP
    // thread a large feed's problems, written once and read later, filled the rest
    this.handle.pragma('cache_size = -4000');
    migrate(this.handle);
  }

  /** Each SQL text is prepared once: preparing costs more than running a small query. */
  sql(source: string): Statement {
    let statement = this.statements.get(source);
    if (!statement) this.statements.set(source, (statement = this.handle.prepare(source)));
    return statement;
  }

  /** A statement prepared for one use, for SQL whose text varies (lists of placeholders). */
  prepare(source: string): Statement {
    return this.handle.prepare(source);
  }

  /** Runs `work` in a write transaction that takes the write lock at once (inside another: a savepoint). */
  write<T>(work: () => T): T {
    return this.handle.transaction(work).immediate();
  }

  /** Runs `work` in a transaction that takes the write lock at its first write. */
  transaction<T>(work: () => T): T {
    return this.handle.transaction(work)();
  }

  /** Stops this connection checkpointing the write-ahead log as its commits grow it; someone else must. */
  leaveCheckpoints(): void {
    this.handle.pragma('wal_autocheckpoint = 0');
  }

  close(): void {
    this.handle.close();
  }
}
