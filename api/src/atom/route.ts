import { createRoute, z } from '@hono/zod-openapi';
import type { SearchIndex } from '@shortlist/indexer';
import { SearchParams } from '@shortlist/schemas';
import { apiRoutes, errorResponses } from '../declared-routes.ts';
import { toHit } from '../search/hit.ts';
import { HIT_ATTRIBUTES, planSearch, type HitDocument } from '../search/request.ts';
import { refusedSearch } from '../search/route.ts';
import { atomFeed } from './feed.ts';

const route = createRoute({
  method: 'get',
  path: '/',
  summary: 'Any search as an Atom feed: its courses newest or changed first, to follow without an account',
  description:
    'Takes the search parameters; the feed lists perPage courses, always by when they were listed or when their ' +
    'cost, start dates, duration or status last changed (sort is not used). Entry ids are stable urn:uuid URIs made ' +
    'from the course ids; a change to a tracked fact moves the entry to the top with a later <updated>.',
  request: { query: SearchParams },
  responses: {
    200: {
      description: 'An Atom 1.0 feed (RFC 4287)',
      content: { 'application/atom+xml': { schema: z.string() } },
    },
    ...errorResponses(400, 503),
  },
});

/** What defines a search, whatever the paging: the feed's id stays the same while its courses change. */
function searchKey(params: SearchParams): string {
  const paging = new Set(['page', 'perPage', 'sort']);
  const search = Object.entries(params).filter(([name]) => !paging.has(name));
  return JSON.stringify(search.sort(([a], [b]) => a.localeCompare(b)));
}

function feedTitle(params: SearchParams, filters: number): string {
  const words = params.q ? `courses matching “${params.q}”` : 'courses';
  return `Shortlist: ${words}${filters ? ` (${filters} filter${filters === 1 ? '' : 's'})` : ''}, newest or changed first`;
}

const seconds = (value: number) => new Date(value * 1000);

/** GET /v1/search.atom: the matching courses newest or changed first, as a feed readers can subscribe to. */
export function atomRoutes(index: SearchIndex, now: () => Date) {
  return apiRoutes().openapi(route, async (c) => {
    const params = c.req.valid('query');
    const main = planSearch(params, index.uid, now()).request.queries[0]!;
    const query = {
      ...main,
      facets: undefined,
      showMatchesPosition: false,
      sort: ['changed:desc', 'firstSeen:desc'],
      attributesToRetrieve: [...HIT_ATTRIBUTES, 'changed', 'firstSeen'],
    };
    type FeedDocument = HitDocument & { changed: number; firstSeen: number };
    const { results } = await index.client
      .multiSearch<{ queries: [typeof query] }, FeedDocument>({ queries: [query] })
      .catch((error: unknown) => {
        throw refusedSearch(error) ?? error;
      });
    const entries = results[0]!.hits.map((document) => ({
      hit: toHit(document),
      published: seconds(document.firstSeen),
      updated: seconds(document.changed),
    }));
    const url = new URL(c.req.url);
    const filters = Array.isArray(main.filter) ? main.filter.length : 0;
    const feed = atomFeed({
      searchKey: searchKey(params),
      title: feedTitle(params, filters),
      self: url.href,
      alternate: `${url.origin}/${url.search}`,
      origin: url.origin,
      // an empty feed was last changed when it was asked for: nothing in it is older
      updated: entries[0]?.updated ?? now(),
      entries,
    });
    return c.body(feed, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });
}
