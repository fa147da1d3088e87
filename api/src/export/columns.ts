import { fieldName, REFERENCE_CURRENCY, type ExportedCourse } from '@shortlist/schemas';

type Cell = string | number | boolean | null;
const list = (values: readonly string[]) => values.join('; ');
const reference = REFERENCE_CURRENCY.toLowerCase();

/**
 * The columns of a CSV export, one course a row: each normalised fact in a column of its own, lists joined with
 * "; ", and the date of the exchange-rate table in every row, so that the file says it wherever it is copied.
 */
export const EXPORT_COLUMNS: [name: string, read: (course: ExportedCourse, ratesDate: string) => Cell][] = [
  ['id', (course) => course.id],
  ['title', (course) => course.title],
  ['url', (course) => course.url],
  ['provider_id', (course) => course.provider.id],
  ['provider', (course) => course.provider.name],
  ['provider_type', (course) => course.provider.type],
  ['provider_country', (course) => course.provider.country],
  ['fields', (course) => list(course.fields)],
  ['field_names', (course) => list(course.fields.map((code) => fieldName(code) ?? code))],
  ['mode', (course) => course.deliveryMode],
  ['pacing', (course) => course.pacing],
  ['min_weeks', (course) => course.duration.minWeeks],
  ['max_weeks', (course) => course.duration.maxWeeks],
  ['hours_per_week_max', (course) => course.workload.hoursPerWeekMax],
  ['total_hours_max', (course) => course.workload.totalHoursMax],
  ['cost', (course) => course.cost.amount],
  ['currency', (course) => course.cost.currency],
  ['cost_class', (course) => course.cost.freeClass],
  [`cost_${reference}`, (course) => course.cost.reference?.amount ?? null],
  [`cost_per_hour_${reference}`, (course) => course.cost.perHour],
  ['rates_date', (_course, ratesDate) => ratesDate],
  ['level_eqf', (course) => course.level.eqf],
  ['level', (course) => course.level.label],
  ['credential', (course) => course.credential],
  ['credits', (course) => course.credit.value],
  ['credit_system', (course) => course.credit.system],
  ['stackable', (course) => course.credit.stackable],
  ['city', (course) => course.location.city],
  ['region', (course) => course.location.region],
  ['country', (course) => course.location.country],
  ['languages', (course) => list(course.languages)],
  ['start_dates', (course) => list(course.startDates)],
  ['completeness', (course) => course.completeness.score],
  ['not_stated', (course) => list(course.completeness.missing)],
];

export const cellText = (cell: Cell): string => (cell === null ? '' : String(cell));
