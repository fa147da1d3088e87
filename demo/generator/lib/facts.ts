import { humanDate } from './html.ts';
import type { DemoCourse } from './model.ts';

export type VisibleFactKey =
  | 'duration'
  | 'workload'
  | 'cost'
  | 'mode'
  | 'city'
  | 'level'
  | 'credit'
  | 'credential'
  | 'assessment'
  | 'startDates'
  | 'languages';

export interface VisibleFact {
  key: VisibleFactKey;
  label: string;
  value: string;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

export function languageName(tag: string): string {
  return languageNames.of(tag.split('-')[0]!) ?? tag;
}

/** The facts a reader sees, in the site's own wording; missing facts are simply not shown. */
export function visibleFacts(
  course: DemoCourse,
  labels: Partial<Record<VisibleFactKey, string>>,
  dateStyle: 'dmy' | 'mdy' = 'dmy',
): VisibleFact[] {
  const values: Record<VisibleFactKey, string | null> = {
    duration: course.duration?.text ?? null,
    workload: course.workload?.text ?? null,
    cost: course.cost?.text ?? null,
    mode: course.mode?.text ?? null,
    city: course.mode?.city ?? null,
    level: course.level,
    credit: course.credit?.text ?? null,
    credential: course.credential,
    assessment: course.assessment,
    startDates: course.startDates.length
      ? course.startDates.map((date) => humanDate(date, dateStyle)).join('; ')
      : course.duration?.selfPaced
        ? 'Start anytime'
        : null,
    languages: course.languages.length ? course.languages.map(languageName).join(', ') : null,
  };
  return (Object.keys(labels) as VisibleFactKey[]).flatMap((key) => {
    const value = values[key];
    return value === null ? [] : [{ key, label: labels[key]!, value }];
  });
}
