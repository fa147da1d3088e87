import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { openFeed, checkFeedRows } from '@shortlist/crawler/feeds';
const provider = { id: 'harbour-institute', name: 'Harbour', url: 'https://harbour.example/' } as any;
async function once(file: string) {
  const t = performance.now();
  const feed = await openFeed(Readable.from([readFileSync(file)]), { baseUrl: provider.url, shape: 'raw', fileName: file } as any);
  let n = 0;
  for await (const row of checkFeedRows(feed, { provider, fetchedAt: new Date().toISOString(), sourceUrl: provider.url }, { workers: 0, serialise: true })) n++;
  return [file.replace(/.*\//, ''), n, +(performance.now() - t).toFixed(1)];
}
for (const f of process.argv.slice(2)) console.log(await once(f));
