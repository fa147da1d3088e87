/** The parts of a robots.txt (RFC 9309) that apply to one crawler. */
export interface RobotsRules {
  isAllowed(url: URL): boolean;
  /** `Crawl-delay` of the group that applies, in ms (not in RFC 9309, but widely used) */
  crawlDelayMs: number | null;
  sitemaps: string[];
}

interface Rule {
  allow: boolean;
  /** length of the pattern in octets: the longest match wins */
  length: number;
  /** the canonical pattern cut at each `*`: the first part is a prefix, the others follow in order */
  parts: string[];
  /** the pattern ended in `$`: the last part must end the path */
  anchored: boolean;
}

/** Longer rule lines are cut, as Google's parser does: no URL we fetch is that long. */
const MAX_RULE_OCTETS = 2083 * 8;

interface Group {
  agents: string[];
  rules: Rule[];
  crawlDelayMs: number | null;
}

export const ALLOW_ALL: RobotsRules = { isAllowed: () => true, crawlDelayMs: null, sitemaps: [] };
export const DISALLOW_ALL: RobotsRules = {
  isAllowed: (url) => url.pathname === '/robots.txt',
  crawlDelayMs: null,
  sitemaps: [],
};

/** Percent-encoding is compared in one form: unreserved characters decoded, other escapes upper-case, raw UTF-8 encoded. */
function canonicalPath(path: string): string {
  return path.replace(/%[0-9a-fA-F]{2}|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]/gu, (match) => {
    if (match.length !== 3 || match[0] !== '%') return encodeURIComponent(match);
    const char = String.fromCharCode(parseInt(match.slice(1), 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : match.toUpperCase();
  });
}

function compileRule(allow: boolean, pattern: string): Rule {
  const bounded = Buffer.from(pattern).subarray(0, MAX_RULE_OCTETS).toString('utf8');
  const anchored = bounded.endsWith('$');
  const body = canonicalPath(anchored ? bounded.slice(0, -1) : bounded);
  return { allow, length: Buffer.byteLength(bounded), parts: body.split('*'), anchored };
}

/**
 * Whether a rule matches a path, in time linear in their lengths (no RegExp, whose backtracking a pattern
 * like `/*a*a*a*a*b` makes exponential): the first part must start the path, and every later part is taken
 * at its leftmost place after the one before, which leaves the most room for the rest.
 */
function matches({ parts, anchored }: Rule, path: string): boolean {
  const [first, ...rest] = parts as [string, ...string[]];
  if (!path.startsWith(first)) return false;
  if (rest.length === 0) return !anchored || path.length === first.length;
  let from = first.length;
  const last = rest.pop()!;
  for (const part of rest) {
    const at = path.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return anchored ? path.length - last.length >= from && path.endsWith(last) : path.includes(last, from);
}

/** The product token a group's `User-agent` line names: "ShortlistBot/1.0" → "shortlistbot". */
function agentToken(value: string): string {
  return /^[A-Za-z_*-]*/.exec(value.trim())![0].toLowerCase();
}

function parseGroups(text: string): { groups: Group[]; sitemaps: string[] } {
  const groups: Group[] = [];
  const sitemaps: string[] = [];
  let current: Group | undefined;
  let inAgents = false;
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*/, '').trim();
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase().replace(/[\s_]/g, '-');
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent' || key === 'useragent') {
      if (!current || !inAgents) {
        current = { agents: [], rules: [], crawlDelayMs: null };
        groups.push(current);
      }
      current.agents.push(agentToken(value));
      inAgents = true;
      continue;
    }
    if (key === 'sitemap') {
      if (value) sitemaps.push(value);
      continue;
    }
    inAgents = false;
    if (!current) continue;
    if ((key === 'allow' || key === 'disallow') && value) {
      current.rules.push(compileRule(key === 'allow', value));
    } else if (key === 'crawl-delay') {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds >= 0) current.crawlDelayMs = Math.round(seconds * 1000);
    }
  }
  return { groups, sitemaps };
}

/**
 * Parses robots.txt for one crawler: the groups naming its product token (combined), else the `*` groups;
 * the longest matching pattern decides, and Allow wins a tie.
 */
export function parseRobots(text: string, productToken: string): RobotsRules {
  const { groups, sitemaps } = parseGroups(text);
  const token = productToken.toLowerCase();
  let chosen = groups.filter((group) => group.agents.includes(token));
  if (chosen.length === 0) chosen = groups.filter((group) => group.agents.includes('*'));
  const rules = chosen
    .flatMap((group) => group.rules)
    .sort((a, b) => b.length - a.length || +b.allow - +a.allow);
  const delays = chosen.map((group) => group.crawlDelayMs).filter((delay): delay is number => delay !== null);
  return {
    isAllowed(url) {
      if (url.pathname === '/robots.txt') return true;
      const target = canonicalPath(url.pathname + url.search);
      return rules.find((rule) => matches(rule, target))?.allow ?? true;
    },
    crawlDelayMs: delays.length > 0 ? Math.max(...delays) : null,
    sitemaps,
  };
}
