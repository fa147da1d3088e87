// Writes the demo provider sites and their ground truth: `npx tsx demo/generator/generate.ts`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectedCourse } from './lib/expected.ts';
import { filePath } from './lib/html.ts';
import { formatJson } from './lib/json.ts';
import type { BuiltSite } from './lib/model.ts';
import { buildBrightpathAcademy } from './providers/brightpath-academy/site.ts';
import { buildFernhillCollege } from './providers/fernhill-college/site.ts';
import { buildInstituteOfWorkplacePractice } from './providers/institute-of-workplace-practice/site.ts';
import { buildNorthbridgeUniversity } from './providers/northbridge-university/site.ts';
import { buildUpperRhineAlliance } from './providers/upper-rhine-alliance/site.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

const builders: Record<string, () => BuiltSite> = {
  'brightpath-academy': buildBrightpathAcademy,
  'fernhill-college': buildFernhillCollege,
  'institute-of-workplace-practice': buildInstituteOfWorkplacePractice,
  'northbridge-university': buildNorthbridgeUniversity,
  'upper-rhine-alliance': buildUpperRhineAlliance,
};

rmSync(join(root, 'sites'), { recursive: true, force: true });
const expected = [];
for (const [id, build] of Object.entries(builders)) {
  const site = build();
  for (const file of site.files) {
    const target = join(root, 'sites', id, filePath(file.path));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.body);
  }
  expected.push(...site.courses.map(expectedCourse));
  console.log(`${id}: ${site.courses.length} courses, ${site.files.length} files`);
}
writeFileSync(join(root, 'expected.json'), `${formatJson(expected)}\n`);
console.log(`expected.json: ${expected.length} courses`);
