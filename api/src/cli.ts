import { parseArgs } from 'node:util';
import { crawlCommand } from './commands/crawl.ts';
import { extractCommand } from './commands/extract.ts';
import { importCommand } from './commands/import.ts';
import { partnerCommand } from './commands/partner.ts';
import { reindexCommand } from './commands/reindex.ts';
import { startCommand } from './commands/start.ts';
import { readApiEnv } from './env.ts';

const USAGE = `Usage: shortlist <command>

  start [--demo]                         start Meilisearch, the API and the web; crawl sources on schedule
  crawl [--source FILE_OR_ID] [--demo] [--dry-run]
                                         crawl now into the catalogue and the index; --dry-run prints
                                         the records as JSON lines and writes nothing
  extract <file-or-url> [--url URL] [--source FILE_OR_ID] [--explain]
                                         print the records one page yields, with provenance, as JSON
  reindex                                rebuild the search index from the catalogue, with no downtime
  import <file> [--format csv|json|schemaorg|ctdl|elm] [--provider ID] [--dry-run] [--mode upsert|replace]
         [--mapping JSON] [--delimiter comma|semicolon|tab] [--max-withdraw-share 0.5] [--max-rejected-share 0.2] [--force]
                                         a partner feed for provider ID, with a report of every row; without
                                         --provider, records in the @shortlist/schemas shape (JSON)
  partner create --name NAME --provider ID [--country CC --url URL --type TYPE]
                                         a partner account that may send feeds for provider ID (created
                                         when new); prints its API key once
  partner list | rotate --partner ID | revoke --partner ID
                                         list partners and key ids; issue a new key; revoke all keys

Environment: PORT, HOST, SHORTLIST_DATA, SHORTLIST_SOURCES, MEILI_URL, MEILI_MASTER_KEY, DEMO_PORT, CRAWLER_CONTACT_URL`;

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
      'dry-run': { type: 'boolean', default: false },
      format: { type: 'string' },
      provider: { type: 'string' },
      mode: { type: 'string' },
      mapping: { type: 'string' },
      delimiter: { type: 'string' },
      'max-withdraw-share': { type: 'string' },
      'max-rejected-share': { type: 'string' },
      force: { type: 'boolean', default: false },
      name: { type: 'string' },
      partner: { type: 'string' },
      type: { type: 'string' },
      country: { type: 'string' },
    },
  });
  const env = readApiEnv();
  switch (command) {
    case 'start':
      return startCommand(env, { demo: values.demo });
    case 'crawl':
      return crawlCommand(env, { demo: values.demo, source: values.source, dryRun: values['dry-run'] });
    case 'extract':
      if (!positionals[0])
        throw new UsageError('extract needs a saved page or a URL: shortlist extract page.html [--url URL]');
      return extractCommand(env, positionals[0], {
        url: values.url,
        source: values.source,
        explain: values.explain,
      });
    case 'reindex':
      return reindexCommand();
    case 'import':
      if (!positionals[0])
        throw new UsageError('import needs a file: shortlist import feed.csv --provider ID');
      return importCommand(positionals[0], {
        provider: values.provider,
        format: values.format,
        mode: values.mode,
        mapping: values.mapping,
        delimiter: values.delimiter,
        dryRun: String(values['dry-run']),
        maxWithdrawShare: values['max-withdraw-share'],
        maxRejectedShare: values['max-rejected-share'],
        force: String(values.force),
      });
    case 'partner':
      return partnerCommand(positionals[0], {
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

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`shortlist: ${message}`);
  if (error instanceof UsageError) console.error(`\n${USAGE}`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
