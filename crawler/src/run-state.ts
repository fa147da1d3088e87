import {
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  mkdirSync,
  renameSync,
} from 'node:fs';
import { join } from 'node:path';
import { Configuration, KeyValueStore, RequestQueueV1 } from '@crawlee/cheerio';
import { newCrawlReport, type CrawlReport } from './report.ts';

const CHECKPOINT_EVERY_MS = 1000;

/**
 * Where one source's crawl keeps what it needs to resume after being killed: Crawlee's request queue and the
 * report so far, under `<storageDir>/<source-id>`. Removed when the crawl ends; a crawl that finds it resumes.
 */
export class RunState {
  readonly config: Configuration;
  readonly report: CrawlReport;
  private lastCheckpoint = 0;

  private constructor(
    private readonly dir: string | null,
    report: CrawlReport,
  ) {
    this.report = report;
    this.config = dir
      ? new Configuration({
          persistStorage: true,
          purgeOnStart: false,
          storageClientOptions: { localDataDirectory: join(dir, 'storage') },
        })
      : new Configuration({ persistStorage: false });
  }

  /** In memory only: nothing is written, nothing resumes (dry runs, tests, the demo). */
  static inMemory(sourceId: string): RunState {
    return new RunState(null, newCrawlReport(sourceId));
  }

  static open(storageDir: string, sourceId: string): RunState {
    const dir = join(storageDir, sourceId);
    mkdirSync(dir, { recursive: true });
    claimLock(dir, sourceId);
    const saved = join(dir, 'report.json');
    let report = newCrawlReport(sourceId);
    if (existsSync(saved)) {
      try {
        report = JSON.parse(readFileSync(saved, 'utf8')) as CrawlReport;
        report.resumed++;
      } catch {
        // a checkpoint cut short by the kill: the queue still resumes, the counts start again
        report.resumed = 1;
      }
      removeStaleFileLocks(join(dir, 'storage'));
    }
    const state = new RunState(dir, report);
    state.checkpoint(true);
    return state;
  }

  get resuming(): boolean {
    return this.report.resumed > 0;
  }

  /** Saves the report so far, at most once a second unless forced. */
  checkpoint(force = false): void {
    if (!this.dir || (!force && Date.now() - this.lastCheckpoint < CHECKPOINT_EVERY_MS)) return;
    this.lastCheckpoint = Date.now();
    const file = join(this.dir, 'report.json');
    writeFileSync(`${file}.tmp`, JSON.stringify(this.report));
    renameSync(`${file}.tmp`, file);
  }

  /** Keeps the queue for the next run (interrupted) or removes everything (finished). */
  async close(finished: boolean): Promise<void> {
    // Crawlee caches persisted storages per folder for the whole process: drop them, not just their files
    if (finished) {
      await (await RequestQueueV1.open(null, { config: this.config })).drop();
      await (await KeyValueStore.open(null, { config: this.config })).drop();
    }
    await this.config.getStorageClient().teardown?.();
    if (!this.dir) return;
    if (finished) rmSync(this.dir, { recursive: true, force: true });
    else {
      this.checkpoint(true);
      rmSync(join(this.dir, 'crawl.pid'), { force: true });
    }
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One crawler per source and data folder: a second one would corrupt the queue. */
function claimLock(dir: string, sourceId: string): void {
  const file = join(dir, 'crawl.pid');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && processAlive(pid)) {
      throw new Error(
        `${sourceId} is already being crawled by process ${pid} (${file}); wait for it to finish, or stop it and run again to resume`,
      );
    }
  }
  writeFileSync(file, String(process.pid));
}

/** A killed process leaves proper-lockfile's `<file>.lock` folders behind; we hold the crawl lock, so they are stale. */
function removeStaleFileLocks(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) continue;
    if (name.endsWith('.lock')) rmSync(path, { recursive: true, force: true });
    else removeStaleFileLocks(path);
  }
}
