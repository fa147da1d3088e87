/** Query parameters that identify a visitor or a campaign, not a page. */
const TRACKING_PARAMS =
  /^(jsessionid|phpsessid|aspsessionid\w*|sid|sessionid|session_id|session|cfid|cftoken|utm_\w+|fbclid|gclid|msclkid|mc_cid|mc_eid|_ga|_gl|yclid)$/i;
/** Session ids some servers put in the path: `/course;jsessionid=ABC?x=1`. */
const PATH_SESSION = /;(jsessionid|phpsessid|sid|sessionid)=[^/?#]*/gi;

const MAX_URL_LENGTH = 1000;
const MAX_QUERY_PARAMS = 8;
/** A path segment repeated this often is a relative-link loop (`/a/b/a/b/a/b/`). */
const MAX_SEGMENT_REPEATS = 3;
/** Calendars link on forever; course dates rarely run this far ahead. */
const MAX_YEARS_AHEAD = 3;
/** A year as a path segment or query value, alone or starting a date: `/2031/`, `?month=2031-05`. */
const CALENDAR_YEAR = /[/=](2\d{3})(?=$|[/&]|[-/.](?:0?[1-9]|1[0-2])(?!\d))/g;

export interface CrawlUrl {
  /** what is fetched: fragment, session ids and tracking parameters removed */
  url: string;
  /** what is compared: `url` with its query parameters sorted */
  key: string;
}

/** The URL a crawl fetches for a link, or null for non-HTTP links. */
export function crawlUrl(href: string, base?: string, ignoreParams: readonly string[] = []): CrawlUrl | null {
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  url.pathname = url.pathname.replace(PATH_SESSION, '');
  const ignored = new Set(ignoreParams.map((name) => name.toLowerCase()));
  for (const name of [...new Set(url.searchParams.keys())]) {
    if (TRACKING_PARAMS.test(name) || ignored.has(name.toLowerCase())) url.searchParams.delete(name);
  }
  if (url.search === '?') url.search = '';
  const sorted = new URL(url.href);
  sorted.searchParams.sort();
  return { url: url.href, key: sorted.href };
}

/** Why a URL looks like a crawler trap (endless calendar, relative-link loop), or null. */
export function trapReason(href: string, now = new Date()): string | null {
  if (href.length > MAX_URL_LENGTH) return `URL longer than ${MAX_URL_LENGTH} characters`;
  const url = new URL(href);
  if ([...url.searchParams.keys()].length > MAX_QUERY_PARAMS)
    return `more than ${MAX_QUERY_PARAMS} query parameters`;
  const counts = new Map<string, number>();
  for (const segment of url.pathname.split('/').filter(Boolean)) {
    const count = (counts.get(segment) ?? 0) + 1;
    if (count >= MAX_SEGMENT_REPEATS) return `path segment "${segment}" repeats ${count} times`;
    counts.set(segment, count);
  }
  const lastYear = now.getUTCFullYear() + MAX_YEARS_AHEAD;
  let readable = url.pathname + url.search;
  try {
    readable = decodeURIComponent(readable);
  } catch {
    // keep it encoded
  }
  for (const [, year] of readable.matchAll(CALENDAR_YEAR)) {
    if (Number(year) > lastYear)
      return `a date in ${year}, more than ${MAX_YEARS_AHEAD} years ahead (a calendar?)`;
  }
  return null;
}
