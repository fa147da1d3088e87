// A generated partner CSV: the rows of `npm run bench:feed` and `npm run bench:responsive`.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Provider } from '@shortlist/schemas';

export const PROVIDER: Provider = {
  id: 'bench-college',
  name: 'Bench College',
  type: 'college',
  country: 'GB',
  url: 'https://www.bench-college.example/',
};
const TOPICS = ['Data Analytics', 'Welding', 'Nursing Leadership', 'Cloud Computing', 'Spanish', 'Project Management', 'UX Design', 'Accounting', 'Solar Installation', 'Early Childhood Education']; // prettier-ignore
const DURATIONS = [
  '6 weeks',
  '3 months',
  '10-12 weeks',
  'self-paced about 8 weeks',
  '1 year part-time',
  'P8W',
];
const WORKLOADS = ['4-6 hours per week', '120 hours', '3 hours a week', '2 evenings per week'];
const COSTS = ['450', '£1,250', 'Free', '€900', 'Free to audit, certificate £49', '2,400.00'];
const MODES = ['online', 'in person', 'blended', 'Online (live sessions)'];
const LEVELS = ['EQF 4', 'EQF 5', 'introductory', 'intermediate', 'advanced'];
const HEADER = 'course_id,title,url,summary,learning_outcomes,subjects,duration,workload,cost,currency,mode,city,country,level,credit,credential,assessment,quality_assurance,languages,start_dates'; // prettier-ignore

const pick = <T>(list: readonly T[], n: number) => list[n % list.length]!;

function row(n: number): string {
  const topic = pick(TOPICS, n);
  const cells = [
    `BC-${n}`,
    `${topic} ${Math.floor(n / TOPICS.length) + 1}`,
    `https://www.bench-college.example/courses/${n}`,
    `"A practical course in ${topic.toLowerCase()}, with projects, feedback and a final assessment."`,
    `"Explain the core ideas of ${topic.toLowerCase()} | Apply them to a real case | Present your results"`,
    topic,
    pick(DURATIONS, n),
    pick(WORKLOADS, n >> 1),
    `"${pick(COSTS, n >> 2)}"`,
    n % 3 === 0 ? 'GBP' : '',
    pick(MODES, n >> 3),
    n % 4 === 0 ? 'Leeds' : '',
    'GB',
    pick(LEVELS, n >> 4),
    n % 2 ? '10 CATS' : '5 ECTS',
    'Certificate',
    'Project and exam',
    'Validated by the academic board',
    'en',
    `2027-0${1 + (n % 9)}-1${n % 10}`,
  ];
  return cells.join(',');
}

/** Writes a CSV of `rows` generated rows to `file`. */
export async function generate(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${HEADER}\n`);
  for (let n = 0; n < rows; n++) {
    if (!out.write(`${row(n)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
