import { assessCompleteness, hashContent, type Course, type Extractor } from '@shortlist/schemas';

/**
 * Which extractor's word wins when two records of one course disagree: the partner's own feed first; a platform
 * preset ranks below a source's own selector map, which an operator wrote for this very site.
 */
const PRECEDENCE: Readonly<Record<string, number>> = {
  feed: 4,
  jsonld: 3,
  microdata: 3,
  rdfa: 3,
  embedded: 2,
  selector: 2,
  text: 1,
} satisfies Record<Exclude<Extractor, `preset:${string}`>, number>;
/** every `preset:<platform>` */
const PRESET_RANK = 1.5;

const rankOf = (extractor: Extractor) => PRECEDENCE[extractor] ?? PRESET_RANK;

/** Course fields merged one at a time, with the provenance key that says where each came from. */
const MERGED_FIELDS = [
  ['title', 'title'],
  ['summary', 'summary'],
  ['description', 'description'],
  ['learningOutcomes', 'learningOutcomes'],
  ['url', 'url'],
  ['enrolmentUrl', 'enrolmentUrl'],
  ['subjects', 'subjects'],
  ['keywords', 'keywords'],
  ['skills', 'skills'],
  ['duration', 'duration'],
  ['workload', 'workload'],
  ['cost', 'cost'],
  ['delivery', 'mode'],
  ['location', 'city'],
  ['level', 'level'],
  ['credit', 'credit'],
  ['credential', 'credential'],
  ['assessment', 'assessment'],
  ['qualityAssurance', 'qualityAssurance'],
  ['endorsement', 'endorsement'],
  ['prerequisites', 'prerequisites'],
  ['languages', 'languages'],
  ['startDates', 'startDates'],
  ['code', 'code'],
  ['offerings', 'offerings'],
] as const satisfies readonly (readonly [keyof Course, string])[];

function isPresent(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') {
    if ('text' in value) return value.text !== null;
    return Object.values(value).some((inner) => inner !== null);
  }
  return true;
}

const rank = (course: Course, key: string) => rankOf(course.provenance[key] ?? 'text');

/**
 * One listing from the records that describe the same course: each field from the record whose
 * extractor ranks highest for it (feed > structured data > selector map > text), ties to the freshest.
 */
export function mergeRecords(listingId: string, records: Course[]): Course {
  const active = records.filter((record) => record.status === 'active');
  const candidates = (active.length > 0 ? active : records).toSorted((a, b) =>
    b.fetchedAt.localeCompare(a.fetchedAt),
  );
  const newest = candidates[0]!;
  const merged: Course = { ...newest, id: listingId, status: active.length > 0 ? 'active' : 'withdrawn' };
  if (candidates.length > 1) {
    const provenance: Course['provenance'] = {};
    const evidence: NonNullable<Course['evidence']> = {};
    for (const [field, key] of MERGED_FIELDS) {
      const present = candidates.filter((record) => isPresent(record[field]));
      const best = present.reduce<Course | undefined>(
        (winner, record) => (!winner || rank(record, key) > rank(winner, key) ? record : winner),
        undefined,
      );
      if (!best) continue;
      Object.assign(merged, { [field]: best[field] });
      const source = best.provenance[key];
      if (source) provenance[key] = source;
      const found = best.evidence?.[key];
      if (found) evidence[key] = found;
    }
    merged.provenance = provenance;
    if (Object.keys(evidence).length > 0) merged.evidence = evidence;
    else delete merged.evidence;
    merged.fields = [...new Set(candidates.flatMap((record) => record.fields))].sort();
    merged.source = candidates.some((record) => record.source === 'feed') ? 'feed' : 'crawl';
    merged.lastSeenAt = candidates
      .map((record) => record.lastSeenAt)
      .sort()
      .at(-1)!;
    merged.completeness = assessCompleteness(merged);
    merged.contentHash = hashContent({ ...merged, fetchedAt: null, lastSeenAt: null, contentHash: null });
  }
  return merged;
}
