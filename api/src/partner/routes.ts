import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { Hono } from 'hono';
import { templateCsv } from '@shortlist/crawler/feeds';
import type { CatalogueStore } from '@shortlist/indexer';
import { PartnerAccounts } from '@shortlist/indexer/partners';
import { partnerAuth, type PartnerVariables } from './auth.ts';
import { courseRoutes } from './course-routes.ts';
import { readPartnerSettings, type PartnerSettings } from './env.ts';
import { feedRoutes } from './feed-routes.ts';
import { FeedPoller } from './feed-poller.ts';
import { FeedRunner } from './feed-runner.ts';
import { KeyAttempts } from './key-attempts.ts';
import { feedUrlRoutes } from './feed-url-routes.ts';

export interface PartnerDeps {
  store: CatalogueStore;
  settings?: PartnerSettings;
  runner?: FeedRunner;
  /** where uploads are kept for jobs and annotated copies; next to the catalogue by default */
  uploadsDir?: string;
  /** polls feed URLs when a partner asks (\`POST /v1/partner/feed-urls/:id/poll\`) */
  poller?: FeedPoller;
  /** refused keys per client address; from the settings when omitted */
  keyAttempts?: KeyAttempts;
}

export function uploadsFolder(store: CatalogueStore): string {
  const file = store.file;
  return file === ':memory:' || file === ''
    ? join(tmpdir(), 'shortlist-feed-uploads')
    : join(dirname(file), 'feed-uploads');
}

/** `/v1/partner/*`: the template is public; everything else needs a partner key. */
export function partnerRoutes({
  store,
  settings = readPartnerSettings(),
  runner = new FeedRunner(store),
  uploadsDir = uploadsFolder(store),
  poller,
  keyAttempts = new KeyAttempts(settings.keyAttempts),
}: PartnerDeps) {
  const accounts = new PartnerAccounts(store);
  const feedUrlPoller = poller ?? new FeedPoller(store, runner, settings, { uploadsDir });
  return new Hono<{ Variables: PartnerVariables }>()
    .get('/template.csv', (c) => {
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', 'attachment; filename="shortlist-feed-template.csv"');
      return c.body(templateCsv());
    })
    .use(
      '*',
      partnerAuth({ accounts, store, attempts: keyAttempts, trustedProxies: settings.trustedProxies }),
    )
    .get('/me', (c) => c.json({ partner: c.get('partner'), provider: c.get('provider') }))
    .route('/feeds', feedRoutes({ runner, settings, uploadsDir }))
    .route('/courses', courseRoutes(store))
    .route('/feed-urls', feedUrlRoutes(feedUrlPoller, settings.pollMinutes));
}
