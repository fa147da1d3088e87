import type { Course } from '../course.ts';

/** The facts the assessment reads: any course record, or a partner's row before it is stored. */
export type CompletenessFacts = Pick<
  Course,
  | 'title'
  | 'providerId'
  | 'location'
  | 'learningOutcomes'
  | 'workload'
  | 'level'
  | 'assessment'
  | 'delivery'
  | 'qualityAssurance'
  | 'cost'
  | 'duration'
  | 'startDates'
  | 'credit'
>;

export interface CompletenessElement {
  key: string;
  /** shown to learners and partners in "missing" */
  name: string;
  /** where the requirement comes from */
  source: 'eu-2022' | 'learner';
  description: string;
  present: (facts: CompletenessFacts) => boolean;
}

const has = (value: string | null | undefined) => typeof value === 'string' && value.trim().length > 0;

/**
 * Critical information for a listing: the mandatory elements of the Council Recommendation on a European
 * approach to micro-credentials (2022/C 243/02, Annex I) that describe a course rather than a learner's
 * award (so not the learner's identity or the date of issue), plus the facts learners ask for first.
 */
export const COMPLETENESS_ELEMENTS: readonly CompletenessElement[] = Object.freeze([
  {
    key: 'title',
    name: 'title',
    source: 'eu-2022',
    description: 'Title of the micro-credential',
    present: (f) => has(f.title),
  },
  {
    key: 'awardingBody',
    name: 'awarding body',
    source: 'eu-2022',
    description: 'Awarding body or provider',
    present: (f) => has(f.providerId),
  },
  {
    key: 'country',
    name: 'country',
    source: 'eu-2022',
    description: 'Country or region of the issuer',
    present: (f) => has(f.location.country),
  },
  {
    key: 'learningOutcomes',
    name: 'learning outcomes',
    source: 'eu-2022',
    description: 'Learning outcomes',
    present: (f) => f.learningOutcomes.some(has),
  },
  {
    key: 'workload',
    name: 'notional workload',
    source: 'eu-2022',
    description: 'Notional workload needed to achieve the learning outcomes (ECTS where possible)',
    present: (f) => f.workload.hoursPerWeek !== null || f.workload.totalHours !== null,
  },
  {
    key: 'level',
    name: 'level (EQF)',
    source: 'eu-2022',
    description: 'Level of the learning experience (EQF, QF-EHEA), or at least its difficulty',
    present: (f) => f.level.eqf !== null || f.level.label !== null,
  },
  {
    key: 'assessment',
    name: 'type of assessment',
    source: 'eu-2022',
    description: 'Type of assessment',
    present: (f) => has(f.assessment),
  },
  {
    key: 'participation',
    name: 'form of participation (delivery mode)',
    source: 'eu-2022',
    description: 'Form of participation in the learning activity: online, in person or blended',
    present: (f) => f.delivery.mode !== null,
  },
  {
    key: 'qualityAssurance',
    name: 'quality assurance',
    source: 'eu-2022',
    description: 'Type of quality assurance used to underpin the micro-credential',
    present: (f) => has(f.qualityAssurance),
  },
  {
    key: 'cost',
    name: 'cost',
    source: 'learner',
    description: 'What the course costs, or that it is free',
    present: (f) => f.cost.freeClass !== 'unknown' || f.cost.amount !== null,
  },
  {
    key: 'duration',
    name: 'duration',
    source: 'learner',
    description: 'How long the course runs',
    present: (f) => f.duration.minWeeks !== null || f.duration.maxWeeks !== null,
  },
  {
    key: 'startDates',
    name: 'start dates',
    source: 'learner',
    description: 'When the course starts, or that learners can start at any time',
    present: (f) => f.startDates.length > 0 || f.duration.selfPaced || f.delivery.pacing === 'self_paced',
  },
  {
    key: 'credit',
    name: 'credit',
    source: 'learner',
    description: 'Credit awarded (ECTS or local credit points), including "no credit"',
    present: (f) => f.credit.value !== null || has(f.credit.text),
  },
]);

/** A score 0–100 (share of elements present) and the names of the missing ones, in the order above. */
export function assessCompleteness(facts: CompletenessFacts): { score: number; missing: string[] } {
  const missing: string[] = [];
  for (const element of COMPLETENESS_ELEMENTS) {
    let present = false;
    try {
      present = element.present(facts);
    } catch {
      present = false;
    }
    if (!present) missing.push(element.name);
  }
  const total = COMPLETENESS_ELEMENTS.length;
  return { score: Math.round((100 * (total - missing.length)) / total), missing };
}
