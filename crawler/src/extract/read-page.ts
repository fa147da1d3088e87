import type { Source } from '@shortlist/schemas';
import { LinkJudge, type JudgedLinks } from '../discovery/link-judge.ts';
import { movedTo, pageLinks, readRobotsMeta, type RobotsMeta } from '../discovery/page-links.ts';
import { decodeHtml } from '../fetch/charset.ts';
import { coursesFromPage, type PageRecords } from './page-courses.ts';
import { indexPage, parseHtml } from './page-elements.ts';

/** One fetched HTML page to read: everything needed, nothing shared, so it can cross to a worker thread. */
export interface PageToRead {
  body: Uint8Array;
  contentType: string | null;
  /** X-Robots-Tag */
  robotsHeader: string | null;
  /** after redirects: links resolve against it */
  url: string;
  productToken: string;
  /** read its courses too, unless the page says noindex; false when only its links are wanted */
  extract: boolean;
  source: Source;
  /** changes whenever the source config does: names the link judge a reader keeps for it */
  sourceKey: string;
  fetchedAt: string;
}

export interface PageRead {
  robots: RobotsMeta;
  /** the links to follow (none when the page says nofollow) */
  links: JudgedLinks;
  /** set when courses were asked for and the page allows indexing */
  records?: PageRecords;
  /** the absolute URL a `<meta http-equiv="refresh">` sends visitors to at once: the page has moved there */
  movedTo?: string;
  warning?: string;
}

const MAX_JUDGES = 64;
const judges = new Map<string, LinkJudge>();

/** Each thread judges links with its own memory of them, one judge per source config. */
function judgeFor(page: PageToRead): LinkJudge {
  let judge = judges.get(page.sourceKey);
  if (!judge) {
    if (judges.size >= MAX_JUDGES) judges.clear();
    judge = new LinkJudge(page.source);
    judges.set(page.sourceKey, judge);
  }
  return judge;
}

/** Decodes, parses and reads one page: robots meta, links to follow and, when asked, its courses. CPU-bound. */
export function readPage(page: PageToRead): PageRead {
  const decoded = decodeHtml(page.body, page.contentType);
  const elements = indexPage(parseHtml(decoded.text));
  const robots = readRobotsMeta(elements, page.productToken, page.robotsHeader);
  const { base, hrefs } = pageLinks(elements, page.url);
  const read: PageRead = {
    robots,
    links: robots.nofollow ? { requests: [], traps: 0 } : judgeFor(page).pageLinks(base, hrefs),
  };
  if (decoded.warning) read.warning = decoded.warning;
  read.movedTo = movedTo(elements, base, page.url, page.source.follow.ignoreParams);
  if (page.extract && !robots.noindex)
    read.records = coursesFromPage(elements, page.url, page.source, page.fetchedAt);
  return read;
}
