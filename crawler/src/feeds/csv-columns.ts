import type { RawCourse } from '@shortlist/schemas';

/** Where a column's text goes: a RawCourse field, or one of the feed's own fields. */
export type ColumnTarget = Exclude<keyof RawCourse, 'provenance'> | 'key' | 'providerId' | 'status';

export interface FeedColumn {
  /** the documented header, as in the template */
  name: string;
  target: ColumnTarget;
  /** other headers partners use for it (matched ignoring case, spaces and punctuation) */
  aliases: string[];
  required: boolean;
  /** how several values are separated in one cell, for list columns */
  separator?: RegExp;
  description: string;
}

const LIST = /\s*[;|]\s*|\s*\n\s*/;
const LINES = /\s*\|\s*|\s*\r?\n\s*/;

/** The documented CSV columns, in template order. */
export const FEED_COLUMNS: readonly FeedColumn[] = [
  {
    name: 'course_id',
    target: 'key',
    required: false,
    aliases: [
      'id',
      'course id',
      'course code',
      'code',
      'course ref',
      'reference',
      'ref',
      'sku',
      'key',
      'external id',
    ],
    description:
      'Your own stable identifier for the course; keeps it the same listing when its URL changes. Without it the URL is the identifier.',
  },
  {
    name: 'title',
    target: 'title',
    required: true,
    aliases: [
      'name',
      'course name',
      'course title',
      'course',
      'programme',
      'program',
      'programme title',
      'program name',
    ],
    description: 'The course name as learners see it.',
  },
  {
    name: 'url',
    target: 'url',
    required: true,
    aliases: [
      'course url',
      'link',
      'web page',
      'webpage',
      'page',
      'course page',
      'web address',
      'website',
      'homepage',
    ],
    description: 'The course page on your site: an absolute https:// address.',
  },
  {
    name: 'summary',
    target: 'summary',
    required: false,
    aliases: ['short description', 'abstract', 'teaser', 'strapline', 'tagline'],
    description: 'One or two plain sentences.',
  },
  {
    name: 'description',
    target: 'description',
    required: false,
    aliases: ['long description', 'details', 'overview', 'about', 'course description', 'full description'],
    description: 'The full description; HTML is turned into plain text.',
  },
  {
    name: 'learning_outcomes',
    target: 'learningOutcomes',
    required: false,
    separator: LINES,
    aliases: [
      'outcomes',
      'learning outcome',
      'what you will learn',
      'you will learn',
      'objectives',
      'learning objectives',
    ],
    description: 'What learners can do afterwards; separate outcomes with | or line breaks.',
  },
  {
    name: 'subjects',
    target: 'subjects',
    required: false,
    separator: LIST,
    aliases: [
      'subject',
      'topics',
      'topic',
      'category',
      'categories',
      'field',
      'field of study',
      'discipline',
    ],
    description: 'Subject areas, separated by ; or |.',
  },
  {
    name: 'keywords',
    target: 'keywords',
    required: false,
    separator: LIST,
    aliases: ['tags', 'tag', 'keyword'],
    description: 'Search keywords, separated by ; or |.',
  },
  {
    name: 'skills',
    target: 'skills',
    required: false,
    separator: LIST,
    aliases: ['skill', 'competences', 'competencies', 'skills taught'],
    description: 'Skills taught, separated by ; or |.',
  },
  {
    name: 'duration',
    target: 'duration',
    required: false,
    aliases: ['length', 'course length', 'course duration', 'weeks', 'time to complete'],
    description:
      'How long it runs: "6 weeks", "3-4 months", "self-paced, about 10 weeks", or ISO 8601 such as P6W.',
  },
  {
    name: 'workload',
    target: 'workload',
    required: false,
    aliases: [
      'hours per week',
      'effort',
      'study hours',
      'time commitment',
      'notional hours',
      'hours',
      'study time',
      'volume of learning',
    ],
    description: 'Study time: "4-6 hours per week" or "120 hours in total".',
  },
  {
    name: 'cost',
    target: 'cost',
    required: false,
    aliases: ['price', 'fee', 'fees', 'tuition', 'course fee', 'cost amount', 'amount'],
    description: 'The price learners pay: "450", "£1,250", "Free", "Free to audit, certificate £49".',
  },
  {
    name: 'currency',
    target: 'currency',
    required: false,
    aliases: ['cost currency', 'price currency', 'currency code'],
    description: 'ISO 4217 code when the cost has no symbol: GBP, EUR, USD …',
  },
  {
    name: 'mode',
    target: 'mode',
    required: false,
    aliases: [
      'delivery',
      'delivery mode',
      'study mode',
      'format',
      'attendance',
      'mode of study',
      'learning mode',
      'delivery type',
    ],
    description: 'online, in person, or blended.',
  },
  {
    name: 'pacing',
    target: 'pacing',
    required: false,
    aliases: ['schedule', 'pace', 'self paced', 'timing'],
    description: 'self-paced, or scheduled (fixed dates, live sessions).',
  },
  {
    name: 'city',
    target: 'city',
    required: false,
    aliases: ['town', 'location', 'campus', 'venue'],
    description: 'Where in-person teaching happens.',
  },
  {
    name: 'region',
    target: 'region',
    required: false,
    aliases: ['state', 'county', 'province'],
    description: 'Region, state or county.',
  },
  {
    name: 'country',
    target: 'country',
    required: false,
    aliases: ['country code', 'nation'],
    description: 'ISO 3166-1 alpha-2 code such as GB; defaults to your provider country.',
  },
  {
    name: 'level',
    target: 'level',
    required: false,
    aliases: ['eqf', 'eqf level', 'nqf level', 'difficulty', 'course level', 'academic level'],
    description: 'EQF level ("EQF 5") or introductory / intermediate / advanced.',
  },
  {
    name: 'credit',
    target: 'credit',
    required: false,
    aliases: ['credits', 'ects', 'ects credits', 'credit points', 'credit value', 'cats points'],
    description: 'Credit awarded: "5 ECTS", "10 CATS", or "none".',
  },
  {
    name: 'credential',
    target: 'credential',
    required: false,
    aliases: ['award', 'certificate', 'qualification', 'credential type', 'credential awarded', 'badge'],
    description: 'What learners receive: certificate, digital badge, micro-credential …',
  },
  {
    name: 'assessment',
    target: 'assessment',
    required: false,
    aliases: ['assessment type', 'assessment method', 'assessed by', 'exam'],
    description: 'How learning is assessed: project, exam, portfolio, none.',
  },
  {
    name: 'quality_assurance',
    target: 'qualityAssurance',
    required: false,
    aliases: [
      'qa',
      'accreditation',
      'accredited by',
      'quality',
      'validated by',
      'recognised by',
      'recognized by',
    ],
    description: 'Who assures its quality: accreditation, validation, regulator.',
  },
  {
    name: 'endorsement',
    target: 'endorsement',
    required: false,
    aliases: ['industry endorsement', 'endorsed by', 'partners', 'industry partner'],
    description: 'Industry or professional endorsement.',
  },
  {
    name: 'prerequisites',
    target: 'prerequisites',
    required: false,
    aliases: [
      'entry requirements',
      'requirements',
      'prerequisite',
      'entry criteria',
      'admission requirements',
    ],
    description: 'What learners need before starting.',
  },
  {
    name: 'languages',
    target: 'languages',
    required: false,
    separator: /\s*[;|,]\s*/,
    aliases: ['language', 'language of instruction', 'teaching language', 'in language'],
    description: 'Languages of instruction: "en", "English; Welsh".',
  },
  {
    name: 'start_dates',
    target: 'startDates',
    required: false,
    separator: /\s*[;|,]\s*|\s+/,
    aliases: ['start date', 'starts', 'next start', 'next start date', 'intake', 'intakes', 'start'],
    description: 'Start dates as YYYY-MM-DD, separated by ;. Leave empty for self-paced courses.',
  },
  {
    name: 'enrolment_url',
    target: 'enrolmentUrl',
    required: false,
    aliases: [
      'enrollment url',
      'apply url',
      'application url',
      'booking url',
      'registration url',
      'enrol url',
      'enroll url',
      'apply link',
      'booking link',
    ],
    description: 'Where learners apply or book, if not the course page.',
  },
  {
    name: 'provider_id',
    target: 'providerId',
    required: false,
    aliases: ['provider', 'provider id'],
    description: 'Optional; when given it must be your own provider id.',
  },
  {
    name: 'status',
    target: 'status',
    required: false,
    aliases: ['listing status', 'active'],
    description: '"active" (the default) or "withdrawn" to take a course down in upsert mode.',
  },
];

/** "Course Title", "course_title" and "COURSE-TITLE" are one header. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

const BY_KEY = new Map<string, FeedColumn>();
for (const column of FEED_COLUMNS) {
  for (const name of [column.name, column.target, ...column.aliases]) {
    const key = headerKey(name);
    if (!BY_KEY.has(key)) BY_KEY.set(key, column);
  }
}

/** The documented column a header (or a mapping target) means, if any. */
export function columnFor(header: string): FeedColumn | undefined {
  return BY_KEY.get(headerKey(header));
}

export function columnNames(): string {
  return FEED_COLUMNS.map((column) => column.name).join(', ');
}
