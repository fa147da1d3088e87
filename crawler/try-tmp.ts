import { readFileSync } from 'node:fs';
import { extractPage } from './src/extract/index.ts';
const [file, url] = process.argv.slice(2);
const r = extractPage(readFileSync(file!, 'utf8'), url ?? 'https://example.edu/page');
console.log(JSON.stringify({ preset: r.preset, warnings: r.warnings, records: r.records }, null, 1));
