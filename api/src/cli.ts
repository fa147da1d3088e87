import { parseArgs } from 'node:util';
import { crawlCommand } from './commands/crawl.ts';
import { extractCommand } from './commands/extract.ts';
import { reindexCommand } from './commands/reindex.ts';
import { startCommand } from './commands/start.ts';
import { readApiEnv } from './env.ts';

const USAGE = `Usage: shortlist <command>

  start [--demo]                         start Meilisearch, the API and the web; crawl sources on schedule
  crawl [--source FILE_OR_ID] [--demo]   crawl now into the catalogue and the index
  extract <file> [--url URL]             print the records one saved page yields, as JSON
  reindex                                rebuild the search index from the catalogue, with no downtime

Environment: PORT, HOST, SHORTLIST_DATA, SHORTLIST_SOURCES, MEILI_URL, MEILI_MASTER_KEY, DEMO_PORT, CRAWLER_CONTACT_URL`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean', default: false },
      source: { type: 'string' },
      url: { type: 'string' },
    },
  });
  const env = readApiEnv();
  switch (command) {
    case 'start':
      return startCommand(env, { demo: values.demo });
    case 'crawl':
      return crawlCommand(env, { demo: values.demo, source: values.source });
    case 'extract':
      if (!positionals[0])
        throw new UsageError('extract needs a file: shortlist extract page.html [--url URL]');
      return extractCommand(positionals[0], values.url);
    case 'reindex':
      return reindexCommand();
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`shortlist: ${message}`);
  if (error instanceof UsageError) console.error(`\n${USAGE}`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
