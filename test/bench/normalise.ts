// Normaliser throughput on one core: `npm run bench:normalise` (or `npx tsx test/bench/normalise.ts [records]`).
// Generates varied raw records deterministically, then times (1) every normaliser once per record and
// (2) the whole buildCourse (normalisers, context check, content hashing). Goal: ≥ 50,000 records/s for (1).
import {
  assessCompleteness,
  buildCourse,
  classifyField,
  normaliseCost,
  normaliseDuration,
  normaliseLanguage,
  normaliseLevel,
  normaliseMode,
  normalisePacing,
  normaliseWorkload,
  toPlainText,
  toReferenceCurrency,
  type CourseContext,
  type RawCourse,
} from '@shortlist/schemas';

const RECORDS = Number(process.argv[2] ?? 100_000);
const GOAL = 50_000;

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let value = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(20261101);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));

const TOPICS = [
  'Data Analytics with Python',
  'Digital Marketing',
  'Project Management',
  'Cyber Security Essentials',
  'Early Childhood Education',
  'Mental Health First Aid',
  'Solar PV Installation',
  'Financial Accounting',
  'UX Design',
  'Spanish for Beginners',
  'Work Health and Safety',
  'Commercial Cookery',
  'Leadership and People Management',
  'Cloud Computing on AWS',
  'Sustainable Agriculture',
  'Machine Learning',
];
const FORMATS = [
  'Short Course',
  'Micro-credential',
  'Professional Certificate',
  'Bootcamp',
  'Certificate IV',
  'Masterclass',
];
const SUBJECTS = [
  'Business',
  'Computing',
  'Health',
  'Education',
  'Engineering',
  'Hospitality',
  'Science',
  'Languages',
];
const KEYWORDS = [
  'Python',
  'SQL',
  'Excel',
  'SEO',
  'nursing',
  'welding',
  'leadership',
  'statistics',
  'AWS',
  'barista',
];
const DURATIONS = [
  () => `${int(2, 16)} weeks`,
  () => `${int(1, 12)} Months`,
  () => `${int(2, 6)}–${int(7, 12)} weeks`,
  () => `Up to ${int(6, 24)} weeks`,
  () => `P${int(2, 12)}W`,
  () => `${int(4, 10)} weeks, ${int(2, 4)}–${int(5, 8)} hours per week`,
  () => 'Self-paced',
  () => `Approx. ${int(3, 9)} months`,
  () => `${int(1, 5)} days`,
  () => `${int(1, 2)} semesters`,
  () => 'Duration varies',
];
const WORKLOADS = [
  () => `${int(2, 10)} hours per week`,
  () => `${int(2, 5)}-${int(6, 12)} hrs/week`,
  () => `Approx. ${int(10, 120)} hours`,
  () => `PT${int(10, 80)}H`,
  () => `${pick([2.5, 5, 7.5, 10])} ECTS`,
  () => `Effort: ${int(3, 5)}–${int(6, 9)} hours per week`,
  () => `${int(20, 200)} guided learning hours`,
];
const COSTS = [
  () => `£${int(1, 3)},${int(100, 999)}`,
  () => `£${int(1, 2)},${int(100, 999)} inc. VAT`,
  () => `AUD ${int(200, 3000)}`,
  () => `$${int(49, 199)}/month`,
  () => `from $${int(99, 499)}`,
  () => `FREE-Add a Verified Certificate for $${int(29, 199)} USD`,
  () => `${int(1, 4)}.${int(100, 999)},00 €`,
  () => 'Free',
  () => `£${int(1, 2)},250 or 3 instalments of £${int(400, 500)}`,
  () => `Course fee: $${int(1, 5)},${int(100, 900)}. Graduates earn $${int(60, 120)},000`,
  () => `$${int(300, 800)}–$${int(900, 1900)}`,
  () => `${int(200, 4000)}`,
  () => 'Contact us',
];
const MODES = [
  'Online',
  'https://schema.org/OnlineOnly',
  'deliveryType:InPerson',
  'Blended',
  'Presencial',
  'En ligne',
  'Präsenz',
  'Hybrid',
  'Face-to-face',
  'On campus',
];
const PACING = ['Self-paced', 'Instructor-led on a course schedule', 'Cohort-based', ''];
const LEVELS = [
  'EQF level 5',
  'Intermediate',
  'Beginner',
  'Level 3',
  'AQF Level 8',
  'Advanced',
  'Postgraduate',
  '',
];
const LANGUAGES = ['English', 'Español', 'Français', 'Deutsch', 'Português (Brasil)', 'en-GB', '中文'];
const COUNTRIES = ['GB', 'IE', 'US', 'AU', 'DE', 'CA', 'NZ', 'FR', 'ES'];
const SUMMARIES = [
  () => `<p>Learn the essentials of ${pick(TOPICS).toLowerCase()} &amp; apply them at work.</p>`,
  () => `Build job-ready skills in ${pick(TOPICS)} &ndash; taught by industry experts.`,
  () => `<div><h2>Overview</h2><ul><li>${pick(KEYWORDS)}</li><li>${pick(KEYWORDS)}</li></ul></div>`,
  () => 'Next intake {{startdate}}',
];

interface Sample {
  raw: RawCourse;
  context: CourseContext;
}

function generate(count: number): Sample[] {
  const samples: Sample[] = [];
  for (let index = 0; index < count; index++) {
    const country = pick(COUNTRIES);
    const currency = next() < 0.2 ? pick(['GBP', 'EUR', 'USD', 'AUD']) : undefined;
    const key = `https://provider-${index % 50}.example/courses/${index}`;
    samples.push({
      raw: {
        title: `${pick(TOPICS)} ${pick(FORMATS)}`,
        summary: pick(SUMMARIES)(),
        learningOutcomes: next() < 0.6 ? ['Analyse real data', 'Communicate results'] : undefined,
        subjects: [pick(SUBJECTS)],
        keywords: [pick(KEYWORDS), pick(KEYWORDS)],
        duration: pick(DURATIONS)(),
        workload: next() < 0.7 ? pick(WORKLOADS)() : undefined,
        cost: pick(COSTS)(),
        currency,
        mode: pick(MODES),
        pacing: pick(PACING) || undefined,
        level: pick(LEVELS) || undefined,
        languages: [pick(LANGUAGES)],
        assessment: next() < 0.5 ? 'Project and quiz' : undefined,
        credit: next() < 0.3 ? `${pick([0, 5, 10, 15])} credits` : undefined,
        startDates: next() < 0.5 ? ['2027-01-11'] : undefined,
      },
      context: {
        providerId: `provider-${index % 50}`,
        country,
        source: 'crawl',
        sourceUrl: key,
        fetchedAt: '2026-11-01T10:00:00.000Z',
        key,
        extractor: 'jsonld',
      },
    });
  }
  return samples;
}

/** Every normaliser once per record, as buildCourse calls them, without hashing. */
function normaliseOnly(sample: Sample): number {
  const { raw, context } = sample;
  const title = toPlainText(raw.title);
  const summary = toPlainText(raw.summary);
  const duration = normaliseDuration(raw.duration);
  const workload = normaliseWorkload(raw.workload);
  const cost = normaliseCost([raw.cost, raw.currency].filter(Boolean).join(' '), {
    country: context.country,
  });
  const reference =
    cost?.amount != null && cost.currency ? toReferenceCurrency(cost.amount, cost.currency) : null;
  const mode = normaliseMode(raw.mode);
  const pacing = normalisePacing(raw.pacing);
  const level = normaliseLevel(raw.level, { country: context.country });
  const fields = classifyField([title, ...(raw.subjects ?? []), ...(raw.keywords ?? [])].join(' | '));
  const language = normaliseLanguage(raw.languages?.[0]);
  const completeness = assessCompleteness({
    title: title ?? '',
    providerId: context.providerId,
    location: { city: null, region: null, country: context.country },
    learningOutcomes: raw.learningOutcomes ?? [],
    workload: {
      text: null,
      hoursPerWeek: workload?.hoursPerWeek ?? null,
      totalHours: workload?.totalHours ?? null,
      totalDerived: false,
    },
    level: { text: null, eqf: level?.eqf ?? null, label: level?.label ?? null },
    assessment: raw.assessment ?? null,
    delivery: { text: null, mode, pacing },
    qualityAssurance: null,
    cost: {
      text: null,
      amount: cost?.amount ?? null,
      currency: cost?.currency ?? null,
      freeClass: cost?.freeClass ?? 'unknown',
      basis: cost?.basis ?? 'unknown',
      reference,
    },
    duration: {
      text: null,
      minWeeks: duration?.minWeeks ?? null,
      maxWeeks: duration?.maxWeeks ?? null,
      selfPaced: duration?.selfPaced ?? false,
    },
    startDates: raw.startDates ?? [],
    credit: { text: raw.credit ?? null, value: null, system: null, stackable: null },
  });
  return (summary ? 1 : 0) + fields.length + (language ? 1 : 0) + completeness.score;
}

const PASSES = 3;

/** One untimed pass to compile and optimise everything, then PASSES timed passes; the median is reported. */
function time(label: string, samples: Sample[], run: (sample: Sample) => number): number {
  let checksum = 0;
  for (const sample of samples) checksum += run(sample);
  const rates: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    const started = process.hrtime.bigint();
    for (const sample of samples) checksum += run(sample);
    rates.push(samples.length / (Number(process.hrtime.bigint() - started) / 1e9));
  }
  rates.sort((a, b) => a - b);
  const rate = rates[Math.floor(PASSES / 2)]!;
  const format = (value: number) => Math.round(value).toLocaleString('en-GB');
  console.log(
    `${label.padEnd(58)} ${format(rate).padStart(9)} records/s  (median of ${PASSES} passes: ${rates.map(format).join(' / ')}; checksum ${checksum})`,
  );
  return rate;
}

const samples = generate(RECORDS);
console.log(
  `Normalising ${RECORDS.toLocaleString('en-GB')} generated records on one core (Node ${process.version})`,
);
const normalisers = time('every normaliser once per record (no hashing)', samples, normaliseOnly);
time('whole buildCourse (normalisers + sha256 content hash)', samples, (sample) => {
  const result = buildCourse(sample.raw, sample.context);
  return 'course' in result ? result.course.completeness.score : -1;
});
console.log(
  normalisers >= GOAL
    ? `Goal met: normalisers run at ≥ ${GOAL.toLocaleString('en-GB')} records/s.`
    : `Goal missed: normalisers below ${GOAL.toLocaleString('en-GB')} records/s.`,
);
