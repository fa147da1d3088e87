/**
 * A crawl in its own process, for the kill-and-resume test:
 *   node --import tsx crawl-child.ts <source.json> <storage dir> <records.jsonl>
 * Each stored course is appended to the records file as soon as the sink gets it, as a database would commit it;
 * the final report is the last line.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { Source } from '@shortlist/schemas';
import { crawlSource } from '../main.ts';
import { TEST_USER_AGENT, freshManners } from './crawl-fixture.ts';

const [sourceFile, storageDir, recordsFile] = process.argv.slice(2) as [string, string, string];
const source = Source.parse(JSON.parse(readFileSync(sourceFile, 'utf8')));
const report = await crawlSource(source, {
  userAgent: TEST_USER_AGENT,
  storageDir,
  manners: freshManners(),
  sink: {
    provider() {},
    courses(courses) {
      const lines = courses.map((course) => JSON.stringify({ id: course.id, title: course.title }));
      appendFileSync(recordsFile, `${lines.join('\n')}\n`);
    },
  },
});
appendFileSync(recordsFile, `${JSON.stringify({ report })}\n`);
