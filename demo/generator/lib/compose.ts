import type { CreditFact, DemoCourse, FactKey, ProviderPlan, WorkloadFact } from './model.ts';

/** A small seeded PRNG (mulberry32) so the demo is identical on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every pool entry is used about equally often, in a seeded order, so each phrasing appears. */
function spread<T>(pool: readonly T[], count: number, random: () => number): T[] {
  if (pool.length === 0) return [];
  const items = Array.from({ length: count }, (_, index) => pool[index % pool.length]!);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export function slugify(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const INTRODUCTORY_TITLE =
  /beginner|introduction|fundamentals|foundations|basics|essentials|awareness|level 1/i;
const ADVANCED_LEVEL = /advanced|intermediate|level [6-8]|masters/i;

/** An introductory title never shows an advanced level; the first level in a pool is the introductory one. */
function levelFor(title: string, level: string | null, introductory: string | null): string | null {
  return level && INTRODUCTORY_TITLE.test(title) && ADVANCED_LEVEL.test(level) ? introductory : level;
}

/** A workload stated in ECTS and the credit shown beside it must agree. */
function creditFor(
  workload: WorkloadFact | null,
  credit: CreditFact | null,
  pool: CreditFact[],
): CreditFact | null {
  const ects = /(\d+) ECTS/.exec(workload?.text ?? '')?.[1];
  if (!ects || !credit) return credit;
  return pool.find((entry) => entry.ects === Number(ects)) ?? null;
}

export function composeCourses(plan: ProviderPlan): DemoCourse[] {
  const random = seededRandom(plan.seed);
  const count = plan.topics.length;
  const { pools } = plan;
  const dealt = {
    duration: spread(pools.duration, count, random),
    workload: spread(pools.workload, count, random),
    cost: spread(pools.cost, count, random),
    mode: spread(pools.mode, count, random),
    level: spread(pools.level, count, random),
    credit: spread(pools.credit, count, random),
    credential: spread(pools.credential, count, random),
    assessment: spread(pools.assessment, count, random),
    prerequisites: spread(pools.prerequisites, count, random),
    languages: spread(pools.languages, count, random),
  };
  const shown = (key: FactKey) => random() >= (plan.missing[key] ?? 0);
  const pick = <T>(key: Exclude<FactKey, 'startDates'>, list: T[], index: number): T | null =>
    shown(key) ? (list[index] ?? null) : null;

  return plan.topics.map(([title, fieldCodes, about, outcomeText, languages], index) => {
    const slug = slugify(title);
    const duration = pick('duration', dealt.duration, index);
    const mode = pick('mode', dealt.mode, index);
    const workload = pick('workload', dealt.workload, index);
    const summary = plan.summaries[index % plan.summaries.length]!(about);
    const audience = plan.audiences[index % plan.audiences.length]!;
    const extra = plan.extraParagraphs?.[slug];
    const startCount = duration?.selfPaced || !shown('startDates') ? 0 : 1 + Math.floor(random() * 2);
    const firstStart = Math.floor(random() * pools.startDates.length);
    const startDates = Array.from(
      { length: startCount },
      (_, offset) => pools.startDates[(firstStart + offset * 3) % pools.startDates.length]!,
    ).sort();
    return {
      providerId: plan.id,
      slug,
      path: plan.pathFor(slug, index),
      title,
      fields: fieldCodes.split(' '),
      about,
      summary,
      description: [
        summary,
        audience,
        ...(extra ? [extra] : []),
        mode ? plan.howYouLearn[mode.mode] : '',
      ].filter(Boolean),
      outcomes: outcomeText.split('; ').map((outcome) => outcome[0]!.toUpperCase() + outcome.slice(1)),
      duration,
      workload: duration?.text.includes('hours') ? null : workload,
      cost: pick('cost', dealt.cost, index),
      mode,
      level: levelFor(title, pick('level', dealt.level, index), pools.level[0] ?? null),
      credit: creditFor(workload, pick('credit', dealt.credit, index), pools.credit),
      credential: pick('credential', dealt.credential, index),
      assessment: pick('assessment', dealt.assessment, index),
      prerequisites: pick('prerequisites', dealt.prerequisites, index),
      startDates,
      languages: languages?.split(' ') ?? dealt.languages[index] ?? [],
    };
  });
}
