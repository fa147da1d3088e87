import { describe, expect, it } from 'vitest';
import { checkFeedRows, openFeed } from './read-feed.ts';
import { TEST_PROVIDER } from './test-feeds.ts';

const context = {
  provider: TEST_PROVIDER,
  fetchedAt: '2026-11-02T09:00:00.000Z',
  sourceUrl: TEST_PROVIDER.url,
};
const csv = ['Code,Name,Link,Length,Price']
  .concat(
    Array.from(
      { length: 600 },
      (_, n) => `C${n % 550},Course ${n},https://www.northbridge.example/c/${n},${n % 12} weeks,£${n}`,
    ),
  )
  .concat(['X,,https://www.northbridge.example/x,6 weeks,£1'])
  .join('\n');

async function collect(workers: number) {
  const rows = [];
  for await (const row of checkFeedRows(await openFeed(csv), context, { workers })) rows.push(row);
  return rows;
}

describe('checking rows on worker threads', () => {
  it('gives the same rows, problems and courses as checking inline, duplicates found across batches', async () => {
    const inline = await collect(0);
    const threaded = await collect(2);
    const view = (rows: Awaited<ReturnType<typeof collect>>) =>
      rows.map((row) => [
        row.row,
        row.id,
        row.course?.contentHash ?? null,
        row.problems.map((p) => `${p.field}: ${p.message}`),
      ]);
    expect(view(threaded)).toEqual(view(inline));
    expect(threaded.filter((row) => row.course === null)).toHaveLength(51);
    expect(threaded[560]!.problems.at(-1)!.message).toBe('This course (id "C10") is already on row 12.');
    expect(JSON.parse(threaded[0]!.course!.json!)).toMatchObject({ title: 'Course 0', cost: { amount: 0 } });
  }, 60_000);
});
