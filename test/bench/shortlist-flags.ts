import { readFileSync } from 'node:fs';

/** The Node flags on api/bin/shortlist.js's first line, so that a bench run behaves as the `shortlist` command does. */
export const SHORTLIST_NODE_FLAGS =
  readFileSync(new URL('../../api/bin/shortlist.js', import.meta.url), 'utf8')
    .split('\n', 1)[0]!
    .match(/--[\w-]+(?:=\S+)?/g) ?? [];
