import { Hono } from 'hono';
import { templateCsv } from '@shortlist/crawler/feeds';
import type { CatalogueStore } from '@shortlist/indexer';
import { PartnerAccounts } from '@shortlist/indexer/partners';
import { FeedPoller } from '../../feeds/poller.ts';
import { FeedRunner, uploadsFolder } from '../../feeds/runner.ts';
import { partnerAuth, type PartnerVariables } from './auth.ts';
import { courseRoutes } from './courses.ts';
import { readPartnerSettings, type PartnerSettings } from './env.ts';
import { feedUrlRoutes } from './feed-urls.ts';
import { feedRoutes } from './feeds.ts';
import { KeyAttempts } from './key-attempts.ts';

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
