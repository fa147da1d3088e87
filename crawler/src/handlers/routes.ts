import { Router, type BasicCrawlingContext } from '@crawlee/cheerio';
import { DETAIL, LISTING, SITEMAP } from '../discovery/link-patterns.ts';
import type { CrawlContext } from '../run/crawl-context.ts';
import { visitPage } from './page-visit.ts';
import { visitSitemap } from './sitemap-visit.ts';

/** One handler per kind of page; each request was labelled when it was queued. */
export function createRoutes(crawl: CrawlContext) {
  const router = Router.create<BasicCrawlingContext>();
  const after = (visit: (context: BasicCrawlingContext) => Promise<void>) =>
    async function visitAndCheckpoint(context: BasicCrawlingContext) {
      await visit(context);
      crawl.journal?.finished(context.request.uniqueKey);
      crawl.afterPage();
    };
  router.addHandler(
    LISTING,
    after((context) => visitPage(crawl, context, LISTING)),
  );
  router.addHandler(
    DETAIL,
    after((context) => visitPage(crawl, context, DETAIL)),
  );
  router.addHandler(
    SITEMAP,
    after((context) => visitSitemap(crawl, context)),
  );
  return router;
}
