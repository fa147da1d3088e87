import { existsSync } from 'node:fs';
import { loadSourceFile, loadSources } from '@shortlist/crawler';
import type { Source } from '@shortlist/schemas';
import type { ApiEnv } from '../env.ts';
import { openServices } from '../services.ts';
import { crawlAndRecord, summarise } from './crawl-schedule.ts';
import { startDemo, userAgent } from './demo.ts';

function pickSources(all: Source[], wanted: string | undefined): Source[] {
  if (!wanted) return all;
  if (existsSync(wanted)) return [loadSourceFile(wanted)];
  const source = all.find((candidate) => candidate.id === wanted);
  if (!source)
    throw new Error(`no source "${wanted}"; known sources: ${all.map((s) => s.id).join(', ') || 'none'}`);
  return [source];
}

/** `shortlist crawl`: crawls now, prints a report per source, and waits until the index has it all. */
export async function crawlCommand(env: ApiEnv, options: { demo: boolean; source?: string }): Promise<void> {
  const demo = options.demo ? await startDemo(env.DEMO_PORT) : undefined;
  const all = demo?.sources ?? (env.SHORTLIST_SOURCES ? loadSources(env.SHORTLIST_SOURCES) : []);
  const sources = pickSources(all, options.source);
  if (sources.length === 0)
    throw new Error(
      'no sources: set SHORTLIST_SOURCES to a folder of source configs, or pass --source FILE or --demo',
    );
  const services = await openServices();
  try {
    const reports = await Promise.all(
      sources.map((source) => crawlAndRecord(source, services, userAgent(env))),
    );
    for (const report of reports) console.log(summarise(report));
    await services.sync.flush();
    console.log(`${services.store.countCourses()} active courses in the catalogue, all searchable.`);
  } finally {
    await services.close();
    await demo?.close();
  }
}
