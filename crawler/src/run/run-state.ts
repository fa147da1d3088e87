import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Configuration } from '@crawlee/cheerio';
import { CrawlJournal } from './crawl-journal.ts';
import { RETRIED_ON_RESUME } from './crawl-outcome.ts';
import { newCrawlReport, type CrawlReport } from './crawl-report.ts';

const CHECKPOINT_EVERY_MS = 1000;

/**
 * Where one source's crawl keeps what it needs to resume after being killed, under `<storageDir>/<source-id>`:
 * the journal of queued and finished requests and the report so far. Removed when the crawl ends; a crawl that
 * finds it resumes. Crawlee's own queue lives in memory and is refilled from the journal.
 */
export class RunState {
  // concurrency is fixed, so Crawlee's system snapshots (which spawn `ps`) are not needed often
  readonly config = new Configuration({ persistStorage: false, systemInfoIntervalMillis: 600_000 });
  readonly report: CrawlReport;
  readonly journal: CrawlJournal | null;
  private lastCheckpoint = 0;

  private constructor(
    private readonly dir: string | null,
    report: CrawlReport,
  ) {
    this.report = report;
    this.journal = dir ? new CrawlJournal(join(dir, 'journal.ndjson')) : null;
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
        // a checkpoint from an older version lacks the counts added since: they start at zero
        const loaded = JSON.parse(readFileSync(saved, 'utf8')) as CrawlReport;
        report = forgetPassingErrors({ ...report, ...loaded });
        report.resumed++;
      } catch {
        // a checkpoint cut short by the kill: the journal still resumes the crawl, the counts start again
        report.resumed = 1;
      }
    }
    const state = new RunState(dir, report);
    state.checkpoint(true);
    return state;
  }

  /** Saves the report so far, at most once a second unless forced. */
  checkpoint(force = false): void {
    if (!this.dir || (!force && Date.now() - this.lastCheckpoint < CHECKPOINT_EVERY_MS)) return;
    this.lastCheckpoint = Date.now();
    const file = join(this.dir, 'report.json');
    writeFileSync(`${file}.tmp`, JSON.stringify(this.report));
    renameSync(`${file}.tmp`, file);
  }

  /** Keeps the journal for the next run (interrupted) or removes everything (finished). */
  close(finished: boolean): void {
    this.journal?.close();
    if (!this.dir) return;
    if (finished) rmSync(this.dir, { recursive: true, force: true });
    else {
      this.checkpoint(true);
      rmSync(join(this.dir, 'crawl.pid'), { force: true });
    }
  }
}

/** The pages behind these errors are queued again by the journal: whether they fail is for this run to say. */
function forgetPassingErrors(report: CrawlReport): CrawlReport {
  report.errors = report.errors.filter((error) => !RETRIED_ON_RESUME.has(error.kind));
  for (const kind of RETRIED_ON_RESUME) delete report.errorsByKind[kind];
  return report;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One crawler per source and data folder: a second one would interleave the journal. */
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
