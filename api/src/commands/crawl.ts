import { existsSync } from 'node:fs';
import {
  crawlSources,
  loadSourceFile,
  loadSources,
  progressLine,
  summariseReport,
  type CrawlReport,
  type CrawlSink,
} from '@shortlist/crawler';
import type { Source } from '@shortlist/schemas';
import type { ApiEnv } from '../env.ts';
import { openServices } from '../services.ts';
import { catalogueCrawlOptions } from './crawl-schedule.ts';
import { startDemo, userAgent } from './demo.ts';

export interface CrawlCommandOptions {
  demo: boolean;
  /** a source config file, or the id of one in SHORTLIST_SOURCES */
  source?: string;
  /** print the records as JSON lines and write nothing */
  dryRun: boolean;
}

export function pickSources(all: Source[], wanted: string | undefined): Source[] {
  if (!wanted) return all;
  if (existsSync(wanted)) return [loadSourceFile(wanted)];
  const source = all.find((candidate) => candidate.id === wanted);
  if (!source)
    throw new Error(
      `no source "${wanted}": it is neither a file nor the id of a source in SHORTLIST_SOURCES (known: ${all.map((s) => s.id).join(', ') || 'none'})`,
    );
  return [source];
}

/** Prints each course as one JSON line; stores nothing, so every page is fetched in full and nothing is withdrawn. */
const printingSink: CrawlSink = {
  provider: () => {},
  courses: (courses) => {
    process.stdout.write(courses.map((course) => `${JSON.stringify(course)}\n`).join(''));
  },
};

/** `shortlist crawl`: crawls now, prints a report per source, and waits until the index has it all. */
export async function crawlCommand(env: ApiEnv, options: CrawlCommandOptions): Promise<void> {
  const demo = options.demo ? await startDemo(env.DEMO_PORT) : undefined;
  try {
    const all = demo?.sources ?? (env.SHORTLIST_SOURCES ? loadSources(env.SHORTLIST_SOURCES) : []);
    const sources = pickSources(all, options.source);
    if (sources.length === 0)
      throw new Error(
        'no sources: set SHORTLIST_SOURCES to a folder of source configs, or pass --source FILE or --demo',
      );
    // a polite crawl of a large site takes a while: say how far each has got, on stderr, every 10 s
    const onProgress = (report: CrawlReport) => console.error(progressLine(report));
    if (options.dryRun) {
      const reports = await crawlSources(sources, {
        sink: printingSink,
        userAgent: userAgent(env),
        onProgress,
      });
      for (const report of reports) console.error(summariseReport(report));
      return;
    }
    const services = await openServices({ demo: options.demo });
    try {
      // a few sources at a time, each polite to its own hosts
      const reports = await crawlSources(sources, {
        ...catalogueCrawlOptions(services, userAgent(env)),
        onProgress,
      });
      for (const report of reports) console.log(summariseReport(report));
      await services.sync.flush();
      console.log(`${services.store.countCourses()} active courses in the catalogue, all searchable.`);
    } finally {
      await services.close();
    }
  } finally {
    await demo?.close();
  }
}
