import type { Course, FeedJobSummary, PageState, Provider, StoreCounts } from '@shortlist/schemas';
import type { HistoryEntry } from '../history.ts';
import { checkpointOnThread } from './checkpoint-thread.ts';
import { CatalogueDatabase } from './database.ts';
import { CrawlRuns } from './crawl-runs.ts';
import { applyFeed, type FeedOutcome, type FeedPlan } from './feeds/apply.ts';
import { applyFeedOnThread } from './feeds/apply-thread.ts';
import { FeedJobs } from './feeds/jobs.ts';
import { FeedPreview } from './feeds/preview.ts';
import { FeedUrls } from './feeds/urls.ts';
import { Listings, type JoinReason, type ListingSummary } from './listings.ts';
import { Outbox, type CourseChange } from './outbox.ts';
import { PageStates } from './page-states.ts';
import { Partners } from './partners.ts';
import { activeListingCount, providerDocuments, type ProviderDocument } from './provider-stats.ts';
import { Providers } from './providers.ts';

/**
 * The catalogue: the source of truth that the search index is rebuilt from. It keeps every source record (a
 * crawled page's course, a feed row) and merges the records of one course into one listing; the index sees
 * listings only. This facade is the whole of its interface: what it is stored in (SQLite today) stays behind it.
 * Reads and writes are grouped apart; every write is one transaction.
 */
export class CatalogueStore {
  private readonly db: CatalogueDatabase;
  private readonly providers: Providers;
  private readonly outbox: Outbox;
  private readonly listings: Listings;
  private readonly crawlRuns: CrawlRuns;
  private readonly pages: PageStates;
  /** partner accounts and their hashed keys */
  readonly partners: Partners;
  /** every feed sent or fetched, with its problems: the feed history */
  readonly feedJobs: FeedJobs;
  /** feeds Shortlist polls for partners */
  readonly feedUrls: FeedUrls;
  private readonly now: () => Date;
  /** stops the thread that checkpoints the write-ahead log, if one does (`checkpointOffThread`) */
  private stopCheckpoints: (() => Promise<void>) | undefined;
  /** a feed being applied on a thread of its own, which holds the write lock until it ends */
  private applying: Promise<unknown> | null = null;

  /** `now`: the clock that dates history and decides which start dates are still to come (tests set it) */
  constructor(file: string, { now = () => new Date() }: { now?: () => Date } = {}) {
    this.db = new CatalogueDatabase(file);
    this.now = now;
    this.providers = new Providers(this.db);
    this.outbox = new Outbox(this.db, this.providers, now);
    this.listings = new Listings(this.db, this.outbox, now);
    this.crawlRuns = new CrawlRuns(this.db);
    this.pages = new PageStates(this.db);
    this.partners = new Partners(this.db);
    this.feedJobs = new FeedJobs(this.db);
    this.feedUrls = new FeedUrls(this.db);
    this.outbox.fillDocuments();
  }

  /** Where the catalogue is kept (`:memory:` for one that is not). */
  get file(): string {
    return this.db.file;
  }

  /**
   * From now on the write-ahead log is copied back into the file on a thread of its own, every `everyMs`, not by
   * whichever write on this thread takes it past SQLite's threshold (`checkpoint-thread.ts`). For the server, whose
   * thread answers HTTP. Stopped by `close`.
   */
  checkpointOffThread(everyMs = 1000): void {
    if (this.file === ':memory:' || this.file === '' || this.stopCheckpoints) return;
    this.stopCheckpoints = checkpointOnThread(this.file, everyMs);
    this.db.leaveCheckpoints();
  }

  close(): void {
    this.db.close();
    void this.stopCheckpoints?.();
  }

  // ── reads ──

  getProvider(id: string): Provider | undefined {
    return this.providers.get(id);
  }

  listProviders(): Provider[] {
    return this.providers.list();
  }

  /** The providers with statistics over their active listings, as the providers index holds them. */
  providerDocuments(providers: Provider[]): ProviderDocument[] {
    return providerDocuments(this.db, providers);
  }

  /** A listing; an id of a record that was merged into another listing finds that listing. */
  getCourse(id: string): Course | undefined {
    return this.listings.get(id);
  }

  /** The listing a source record belongs to. */
  listingOf(recordId: string): string | undefined {
    return this.listings.listingOf(recordId);
  }

  /** The records merged into a listing, with why each joined. */
  getRecords(courseId: string): { recordId: string; joinedBy: JoinReason; course: Course }[] {
    return this.listings.records(courseId);
  }

  getHistory(courseId: string): HistoryEntry[] {
    return this.listings.history(courseId);
  }

  /** Active listings are counted from the provider tallies (health checks ask often; 1M rows take 0.2 s to count). */
  countCourses(status: Course['status'] = 'active'): number {
    return status === 'active' ? activeListingCount(this.db) : this.listings.count(status);
  }

  /** A provider's listings, active ones first, by title. */
  providerListings(providerId: string, limit = 5000): ListingSummary[] {
    return this.listings.ofProvider(providerId, limit);
  }

  /** Listing changes after `cursor`, oldest first: the outbox that the index sync reads. */
  changesSince(cursor: number, limit: number): CourseChange[] {
    return this.outbox.changesSince(cursor, limit);
  }

  latestSeq(): number {
    return this.outbox.latestSeq();
  }

  getCursor(name: string): number {
    return this.outbox.getCursor(name);
  }

  /** The search documents (JSON bytes) of every active listing, in id order, a page at a time: for full rebuilds of the index. */
  activeDocuments(pageSize = 5000): Generator<Buffer[]> {
    return this.outbox.activeDocuments(pageSize);
  }

  /** Every active listing, in id order, a page at a time. */
  activeCourses(pageSize = 1000): Generator<Course[]> {
    return this.outbox.activeCourses(pageSize);
  }

  /** The latest crawl reports, newest first; of one source when given. */
  recentCrawls(limit: number, sourceId?: string): unknown[] {
    return this.crawlRuns.recent(limit, sourceId);
  }

  /** How many crawl runs ended each way: complete, incomplete, or unfinished (running, or interrupted). */
  crawlOutcomes(): Record<'complete' | 'incomplete' | 'unfinished', number> {
    return this.crawlRuns.outcomes();
  }

  lastCrawlFinishedAt(sourceId: string): string | undefined {
    return this.crawlRuns.lastFinishedAt(sourceId);
  }

  getPageState(url: string): PageState | undefined {
    return this.pages.get(url);
  }

  /** What a feed of the provider would do, worked out with reads only. */
  previewFeed(providerId: string): FeedPreview {
    return new FeedPreview(this.db, providerId);
  }

  // ── writes ──

  /**
   * Rewrites the search documents whose next start date has passed, so that sorting by next start stays true as
   * days go by; the sync loop calls it once a day. Returns how many it rewrote. Only those listings are read, along
   * an index, a page at a time, letting other work run between pages.
   */
  async refreshPassedStarts(): Promise<number> {
    const PAGE = 500;
    let rewritten = 0;
    for (let page = PAGE; page === PAGE;) {
      await this.writable();
      page = this.outbox.refreshPassedStarts(PAGE);
      rewritten += page;
      await new Promise(setImmediate);
    }
    return rewritten;
  }

  upsertProvider(provider: Provider): void {
    this.db.write(() => {
      // the index carries the provider's name on every course
      if (this.providers.save(provider)) this.outbox.rewriteDocuments(provider.id);
    });
  }

  /**
   * Writes source records in one transaction and refreshes the listings they belong to. Counts are per
   * record: an unchanged record only has its lastSeenAt moved.
   */
  upsertCourses(records: Course[]): StoreCounts {
    return this.listings.upsert(records);
  }

  /** Marks a record as seen again without changing it (an unchanged page, an unchanged feed row). */
  touch(recordId: string, seenAt: string): void {
    this.listings.touch(recordId, seenAt);
  }

  /** Takes a listing down at its provider's word; its crawled pages do not list it again until a feed does. */
  takeDown(providerId: string, listingId: string): void {
    this.listings.takeDown(providerId, listingId);
  }

  /**
   * After a complete crawl: withdraws the provider's crawled records missed by `threshold` complete crawls in a
   * row. Returns the withdrawn record ids.
   */
  withdrawUnseen(providerId: string, crawlStartedAt: string, threshold: number): string[] {
    return this.listings.withdrawUnseen(providerId, crawlStartedAt, threshold);
  }

  /** Undoes a merge: the record becomes a listing of its own again and is never merged automatically again. */
  splitRecord(recordId: string): void {
    this.listings.split(recordId);
  }

  setCursor(name: string, value: number): void {
    this.outbox.setCursor(name, value);
  }

  /** Stores what a crawl did, for the API and for scheduling the next crawl. */
  recordCrawl(report: { sourceId: string; startedAt: string; finishedAt: string | null }): void {
    this.crawlRuns.record(report);
  }

  setPageState(state: PageState): void {
    this.pages.set(state);
  }

  /**
   * Applies a checked feed in one transaction; a replace feed past a safety limit is rolled back and reported as
   * blocked. `inTransaction` runs last, inside the same transaction (e.g. to finish the job).
   */
  applyFeed(plan: FeedPlan, inTransaction?: (outcome: FeedOutcome) => void): FeedOutcome {
    return applyFeed(this.db, this.listings, plan, inTransaction);
  }

  /**
   * Applies a checked feed as `applyFeed` does, in one transaction, but on a thread of its own with its own
   * connection, so that this thread keeps answering; `job` is finished inside the transaction. Until it ends,
   * writes on this thread wait for `writable()`. A catalogue in memory has no file to share: it applies here.
   */
  async applyFeedOffThread(
    plan: FeedPlan,
    job?: { id: string; summary: FeedJobSummary },
  ): Promise<FeedOutcome> {
    const finish = ({ counts }: FeedOutcome) =>
      job && this.feedJobs.finish(job.id, { ...job.summary, counts, applied: true });
    if (this.file === ':memory:' || this.file === '') return this.applyFeed(plan, finish);
    await this.writable();
    const { staging, ...rest } = plan;
    const run = applyFeedOnThread({
      catalogueFile: this.file,
      now: this.now().toISOString(),
      plan: { ...rest, stagingFile: staging.handOver() },
      ...(job ? { job } : {}),
    });
    this.applying = run;
    try {
      return await run;
    } finally {
      if (this.applying === run) this.applying = null;
    }
  }

  /**
   * Resolves once no feed is being applied on another thread. Writes on this thread that may come while one is
   * (the index sync's cursor, crawls, uploads) await it first: SQLite has one writer, and waiting for its lock
   * here would stop this thread, searches included, until the feed is in.
   */
  async writable(): Promise<void> {
    while (this.applying)
      await this.applying.then(
        () => undefined,
        () => undefined,
      );
  }
}
