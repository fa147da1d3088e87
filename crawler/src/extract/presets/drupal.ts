import type { FieldSelector } from '@shortlist/schemas';
import type { Preset } from './preset.ts';

/** A Drupal field's value, in the markup of Drupal 8+ (`field--name-field-…` / `field__item`) and Drupal 7 (`field-name-field-…` / `field-item`). */
function field(...names: string[]): FieldSelector {
  return names.flatMap((name) => [
    `[class*="field--name-field-${name}"].field__item`,
    `[class*="field--name-field-${name}"] .field__item`,
    `[class*="field-name-field-${name}"] .field-item`,
  ]);
}

/**
 * Drupal sites with a course content type (`node--type-course`, `node--type-short-course`, Drupal 7's
 * `node-type-course`): the fields are named by the site builder, so the map looks for the usual names.
 */
export const drupal: Preset = {
  name: 'drupal',
  platform: 'Drupal course content type',
  detect: {
    all: [{ generator: /\bDrupal\b/i }],
    any: [
      { classMatching: /^(?:node--type|page-node-type|node-type)-[\w-]*(?:course|programme|program|module)/ },
    ],
  },
  maps: [
    {
      title: ['h1.page-title', 'h1 .field--name-title', 'h1.title', 'h1'],
      code: field('course-code', 'code'),
      summary: field('summary', 'teaser', 'intro'),
      description: ['.field--name-body', '.field-name-body'],
      duration: field('duration', 'length', 'course-length'),
      workload: field('workload', 'effort', 'hours-per-week', 'commitment'),
      cost: field('cost', 'fee', 'fees', 'price', 'tuition'),
      mode: field('delivery', 'mode', 'study-mode', 'format', 'delivery-mode'),
      credit: field('credits', 'credit', 'ects'),
      level: field('level', 'course-level'),
      startDates: field('start-date', 'start-dates', 'dates', 'start'),
      city: field('location', 'campus', 'venue'),
      prerequisites: field('prerequisites', 'entry-requirements', 'requirements'),
      credential: field('award', 'credential', 'qualification'),
      languages: field('language', 'languages'),
    },
  ],
};
