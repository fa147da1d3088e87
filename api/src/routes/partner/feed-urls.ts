import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { parseUntrustedJson, refuseUrl } from '@shortlist/crawler/feeds';
import { FEED_URL_OPTION_NAMES, FeedUrlTarget, parseFeedOptions } from '@shortlist/schemas';
import { apiError } from '../../errors.ts';
import type { FeedPoller } from '../../feeds/poller.ts';
import { feedReportInPages } from '../../feeds/report.ts';
import type { PartnerVariables } from './auth.ts';
import { feedErrorResponse } from './feeds.ts';

/** a registration is a URL and a few options: far below this */
const MAX_BODY_BYTES = 16 * 1024;
const EXAMPLE = '{"url": "https://…/courses.csv", "mode": "replace"}';

const tooLarge = () =>
  apiError(
    413,
    `The request body is over ${MAX_BODY_BYTES / 1024} KiB; send a small JSON object such as ${EXAMPLE}.`,
    'body',
  );

function readObject(text: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = parseUntrustedJson(text);
  } catch (error) {
    throw apiError(400, `The body cannot be read (${(error as Error).message}); send ${EXAMPLE}.`, 'body');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw apiError(400, `Send a JSON object such as ${EXAMPLE}.`, 'body');
  return body as Record<string, unknown>;
}

/** Feed URLs a partner registers for Shortlist to poll; `POST /:id/poll` polls at once and waits. */
export function feedUrlRoutes(poller: FeedPoller, defaultIntervalMinutes: number) {
  const { urls } = poller;
  return new Hono<{ Variables: PartnerVariables }>()
    .post('/', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => tooLarge().getResponse() }), async (c) => {
      const body = readObject(await c.req.text());
      const target = FeedUrlTarget.safeParse(body);
      if (!target.success) {
        const issue = target.error.issues[0]!;
        throw apiError(400, issue.message, String(issue.path[0]));
      }
      let url: URL;
      try {
        url = new URL(target.data.url);
      } catch {
        throw apiError(
          400,
          `url "${target.data.url}" is not a web address; write it in full, starting with https://.`,
          'url',
        );
      }
      const refused = refuseUrl(url, poller.fetchPolicy);
      if (refused) throw apiError(400, `url: ${refused}; register a public https:// address.`, 'url');
      // options sent as JSON values (a mapping object, a number) are kept as the text a query string would give
      const options: Record<string, string> = {};
      for (const name of FEED_URL_OPTION_NAMES) {
        const value = body[name];
        if (value !== undefined) options[name] = typeof value === 'string' ? value : JSON.stringify(value);
      }
      try {
        parseFeedOptions(options);
      } catch (error) {
        feedErrorResponse(error);
      }
      const interval = target.data.intervalMinutes ?? defaultIntervalMinutes;
      const partner = c.get('partner');
      const feed = urls.register({
        partnerId: partner.id,
        providerId: partner.providerId,
        url: url.href,
        options,
        intervalMinutes: interval,
      });
      return c.json(feed, 201, { Location: `/v1/partner/feed-urls/${feed.id}` });
    })
    .get('/', (c) => c.json({ feedUrls: urls.list(c.get('partner').providerId) }))
    .delete('/:id', (c) => {
      const feed = own(c.get('partner').providerId, c.req.param('id'));
      urls.remove(feed.id);
      return c.json({ id: feed.id, removed: true });
    })
    .post('/:id/poll', async (c) => {
      const feed = own(c.get('partner').providerId, c.req.param('id'));
      const result = await poller.poll(feed, { wait: true });
      const job = 'jobId' in result ? poller.runner.jobs.get(result.jobId) : undefined;
      return c.json({
        ...result,
        feedUrl: urls.get(feed.id),
        report: job ? await feedReportInPages(poller.runner.jobs, job) : null,
      });
    });

  function own(providerId: string, id: string) {
    const feed = urls.get(id);
    if (!feed || feed.providerId !== providerId)
      throw apiError(
        404,
        `No feed URL "${id}" of your provider; GET /v1/partner/feed-urls lists yours.`,
        'id',
      );
    return feed;
  }
}
