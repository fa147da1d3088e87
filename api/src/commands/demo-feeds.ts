import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FeedError, type FeedFormat } from '@shortlist/crawler/feeds';
import { DEMO_FEEDS } from '@shortlist/demo';
import type { CatalogueStore } from '@shortlist/indexer';
import { PartnerAccounts } from '@shortlist/indexer/partners';
import { DEFAULT_FEED_LIMITS, type Provider } from '@shortlist/schemas';
import { runFeed } from '../feeds/pipeline.ts';

interface DemoFeed {
  file: string;
  format: FeedFormat;
  provider: Provider;
  /** the feed whose provider gets the demo partner account */
  partner?: string;
}

/**
 * Sets up the demo partner and its key (a new key each start: the old one is revoked, as keys are shown
 * once), and imports each demo feed whose file changed since it was last imported.
 */
export async function setUpDemoFeeds(
  store: CatalogueStore,
  baseUrl: string,
  log = console.log,
): Promise<void> {
  const feeds = JSON.parse(readFileSync(new URL('feeds.json', DEMO_FEEDS), 'utf8')) as DemoFeed[];
  const jobs = store.feedJobs;
  const imported: string[] = [];
  for (const feed of feeds) {
    if (!store.getProvider(feed.provider.id)) store.upsertProvider(feed.provider);
    const path = fileURLToPath(new URL(feed.file, DEMO_FEEDS));
    const content = readFileSync(path);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const last = jobs
      .history(feed.provider.id, 20)
      .find((job) => job.origin === 'cli' && job.source === feed.file);
    if (last?.options.sha256 === sha256 && last.summary?.applied) continue;
    const job = jobs.create({ providerId: feed.provider.id, partnerId: null, origin: 'cli', source: feed.file, format: feed.format, mode: 'replace', dryRun: false, options: { sha256 } }); // prettier-ignore
    try {
      const summary = await runFeed(store, jobs, {
        jobId: job.id,
        provider: store.getProvider(feed.provider.id)!,
        input: content,
        mode: 'replace',
        dryRun: false,
        limits: DEFAULT_FEED_LIMITS,
        read: { format: feed.format },
        receivedAt: new Date().toISOString(),
      });
      imported.push(`${feed.format} ${summary.accepted}`);
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
      log(`Demo feed ${feed.file} could not be read: ${error.message}`);
    }
  }
  if (imported.length > 0) log(`Demo partner feeds imported: ${imported.join(', ')} courses.`);

  const partnerFeed = feeds.find((feed) => feed.partner);
  if (!partnerFeed) return;
  const accounts = new PartnerAccounts(store);
  const existing = accounts.list().find((partner) => partner.providerId === partnerFeed.provider.id);
  const key = existing
    ? await accounts.rotate(existing.id)
    : (await accounts.create(partnerFeed.partner!, partnerFeed.provider.id)).key;
  log(
    `Demo partner "${partnerFeed.partner}" (provider ${partnerFeed.provider.id}); its API key, shown once:`,
  );
  log(`  ${key}`);
  log(
    `  Try it at ${baseUrl}/partner.html, or: curl -H "Authorization: Bearer <key>" ${baseUrl}/v1/partner/feeds`,
  );
}
