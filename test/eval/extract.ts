// Extraction accuracy on saved real pages: `npm run eval:extract -- <folder>`. Each `<slug>.html` (in the folder or
// a subfolder per site) has its hand-checked truth in `<slug>.json` beside it (format: docs/extraction.md). Runs
// what `shortlist extract <file> --url <truth url>` runs, compares the first course with the truth and prints
// per-field precision and recall, the misses, and the share of stated fields right. Not part of `npm test`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { extractSavedPage } from '@shortlist/api';
import { scoreCourse, summarise, type FieldOutcome } from '../src/extract-eval/score.ts';
import { parseTruth } from '../src/extract-eval/truth.ts';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: npm run eval:extract -- <folder of saved pages, each <slug>.html with <slug>.json>');
  process.exit(2);
}
if (!existsSync(folder) || !statSync(folder).isDirectory()) {
  console.log(`eval:extract: no folder ${folder}; nothing to measure (skipped)`);
  process.exit(0);
}

function savedPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return savedPages(path);
      return entry.name.endsWith('.html') && existsSync(path.replace(/\.html$/, '.json')) ? [path] : [];
    })
    .sort();
}

const pages = savedPages(folder);
if (pages.length === 0) {
  console.log(`eval:extract: no <slug>.html with a <slug>.json beside it in ${folder} (skipped)`);
  process.exit(0);
}

const fetchedAt = new Date().toISOString();
const outcomes: FieldOutcome[][] = [];
const misses: string[] = [];
const short = (value: string | null) =>
  value === null ? '(empty)' : JSON.stringify(value.length > 70 ? `${value.slice(0, 67)}...` : value);
for (const page of pages) {
  const name = relative(folder, page);
  const truthFile = page.replace(/\.html$/, '.json');
  const truth = parseTruth(JSON.parse(readFileSync(truthFile, 'utf8')), relative(folder, truthFile));
  const result = extractSavedPage(readFileSync(page), truth.url, undefined, fetchedAt);
  const scored = scoreCourse(truth, result.courses[0] ?? null);
  outcomes.push(scored);
  for (const outcome of scored)
    if (!outcome.right)
      misses.push(
        `  ${name}  ${outcome.field}: expected ${short(outcome.expected)}, got ${short(outcome.got)}`,
      );
}

const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${Math.round((100 * part) / whole)}%`);
console.log(`eval:extract: ${pages.length} pages in ${folder}`);
console.log(misses.length ? `misses (${misses.length}):\n${misses.join('\n')}` : 'misses: none');
const scores = summarise(outcomes);
console.log('field            stated  extracted  right  precision  recall  invented');
for (const score of scores) {
  console.log(
    `${score.field.padEnd(16)} ${String(score.stated).padStart(6)} ${String(score.extracted).padStart(10)} ${String(score.right).padStart(6)} ${percent(score.right, score.extracted).padStart(10)} ${percent(score.right, score.stated).padStart(7)} ${String(score.invented).padStart(9)}`,
  );
}
const right = scores.reduce((sum, score) => sum + score.right, 0);
const stated = scores.reduce((sum, score) => sum + score.stated, 0);
const invented = scores.reduce((sum, score) => sum + score.invented, 0);
console.log(`invented values (filled where the page states nothing): ${invented}`);
console.log(`stated fields right: ${right}/${stated} (${percent(right, stated)})`);
