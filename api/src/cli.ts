import { parseArgs } from 'node:util';
import { FEED_OPTION_NAMES, FeedOptionFields, isSwitchOption, type RawFeedOptions } from '@shortlist/schemas';
import { runInBackground } from '@shortlist/indexer/background';
import { readApiEnv } from './env.ts';

const USAGE = `Usage: shortlist <command>

  start [--demo]                         start Meilisearch, the API and the web; crawl sources on schedule
  crawl [--source FILE_OR_ID] [--demo] [--dry-run]
                                         crawl now into the catalogue and the index; --dry-run prints
                                         the records as JSON lines and writes nothing
  extract <file-or-url> [--url URL] [--source FILE_OR_ID] [--explain]
                                         print the records one page yields, with provenance, as JSON
  reindex                                rebuild the search index from the catalogue, with no downtime
  import <file> [--provider ID] [feed options, below]
                                         a partner feed for provider ID, with a report of every row; without
                                         --provider, records in the @shortlist/schemas shape (--format json)
  partner create --name NAME --provider ID [--country CC --url URL --type TYPE]
                                         a partner account that may send feeds for provider ID (created
                                         when new); prints its API key once
  partner list | rotate --partner ID | revoke --partner ID
                                         list partners and key ids; issue a new key; revoke all keys

Feed options:
${feedOptionsUsage()}

Environment: PORT, HOST, SHORTLIST_DATA, SHORTLIST_SOURCES, MEILI_URL, MEILI_MASTER_KEY, DEMO_PORT, CRAWLER_CONTACT_URL`;

/** `dryRun` is `--dry-run` on the command line. */
function flagOf(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

const feedOptionFlags = Object.fromEntries(
  FEED_OPTION_NAMES.map((name) => [
    flagOf(name),
    isSwitchOption(name) ? { type: 'boolean' as const } : { type: 'string' as const },
  ]),
);

function feedOptionsUsage(): string {
  return FEED_OPTION_NAMES.map((name) => {
    const flag = `--${flagOf(name)}${isSwitchOption(name) ? '' : ' VALUE'}`;
    return `  ${flag.padEnd(39)}${FeedOptionFields.shape[name].description ?? ''}`;
  }).join('\n');
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      source: { type: 'string' },
      url: { type: 'string' },
      ...feedOptionFlags,
      provider: { type: 'string' },
      name: { type: 'string' },
      partner: { type: 'string' },
      type: { type: 'string' },
      country: { type: 'string' },
    },
  });
  // the feed options' flags are made from their names, so typed by hand here
  const given = values as Record<string, string | boolean | undefined>;
  const env = readApiEnv();
  switch (command) {
    case 'start':
      // each command loads what it needs only: the server does not load Crawlee, which crawl processes run
      return (await import('./commands/start.ts')).startCommand(env, { demo: values.demo });
    case 'crawl':
      runInBackground();
      return (await import('./commands/crawl.ts')).crawlCommand(env, {
        demo: values.demo,
        source: values.source,
        dryRun: given['dry-run'] === true,
      });
    case 'extract':
      if (!positionals[0])
        throw new UsageError('extract needs a saved page or a URL: shortlist extract page.html [--url URL]');
      return (await import('./commands/extract.ts')).extractCommand(env, positionals[0], {
        url: values.url,
        source: values.source,
        explain: values.explain,
      });
    case 'reindex':
      runInBackground();
      return (await import('./commands/reindex.ts')).reindexCommand();
    case 'import':
      if (!positionals[0])
        throw new UsageError('import needs a file: shortlist import feed.csv --provider ID');
      runInBackground();
      return (await import('./commands/import.ts')).importCommand(positionals[0], {
        provider: values.provider,
        ...feedOptionsOf(given),
      });
    case 'partner':
      return (await import('./commands/partner.ts')).partnerCommand(env, positionals[0], {
        name: values.name,
        provider: values.provider,
        partner: values.partner,
        type: values.type,
        country: values.country,
        url: values.url,
      });
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}

/** The feed options given on the command line, as text (a switch given is "true"). */
function feedOptionsOf(values: Record<string, string | boolean | undefined>): RawFeedOptions {
  const options: RawFeedOptions = {};
  for (const name of FEED_OPTION_NAMES) {
    const value = values[flagOf(name)];
    if (value !== undefined) options[name] = String(value);
  }
  return options;
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`shortlist: ${message}`);
  if (error instanceof UsageError) console.error(`\n${USAGE}`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
