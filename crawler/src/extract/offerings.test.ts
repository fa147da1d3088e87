import { describe, expect, it } from 'vitest';
import { coursesFromSections, summariseOfferings } from './offerings.ts';

describe('summariseOfferings', () => {
  it('gives the course the largest credit, so a 0-credit lab section never makes it worth 0', () => {
    expect(summariseOfferings([{ credit: '0.000 Credits' }, { credit: '4.000 Credits' }]).credit).toBe(
      '4.000 Credits',
    );
    expect(summariseOfferings([{ credit: '1.000 TO 3.000 Credits' }, { credit: '2 credits' }]).credit).toBe(
      '1.000 TO 3.000 Credits',
    );
  });

  it('lists every start date once, earliest first, and every mode once in the order met', () => {
    const summary = summariseOfferings([
      { startDate: '2027-03-01', mode: 'Online' },
      { startDate: '2027-01-11', mode: 'Face-to-Face' },
      { startDate: '2027-03-01', mode: 'online' },
      { startDate: 'TBA', mode: 'Face-to-Face' },
    ]);
    expect(summary.startDates).toEqual(['2027-01-11', '2027-03-01']);
    expect(summary.modes).toEqual(['Online', 'Face-to-Face']);
  });

  it('states no mode for the course when one of its offerings states none', () => {
    expect(summariseOfferings([{ mode: 'Online' }, {}]).modes).toEqual([]);
  });

  it('names a place only when every offering that has a real one agrees; an online campus is no place', () => {
    expect(summariseOfferings([{ location: 'Main Campus' }, { location: 'Online Campus' }]).location).toBe(
      'Main Campus',
    );
    expect(
      summariseOfferings([{ location: 'Main Campus' }, { location: 'North Campus' }]).location,
    ).toBeUndefined();
  });
});

describe('coursesFromSections', () => {
  it('makes one course of the sections that share a code and one of each other code, in page order', () => {
    const courses = coursesFromSections(
      [
        { title: 'Biology I', code: 'BIO 101', offering: { reference: '1', credit: '4 credits' } },
        { title: 'Chemistry', code: 'CHEM 110', offering: { reference: '2' } },
        {
          title: 'Biology I Lab',
          code: 'BIO  101',
          offering: { reference: '3', kind: 'Lab', credit: '0 credits' },
        },
        { title: 'Biology I', code: 'BIO 101', offering: { reference: '4' } },
      ],
      'preset:banner',
    );
    expect(
      courses.map((course) => [course.code, course.title, course.credit, course.offerings?.length]),
    ).toEqual([
      ['BIO 101', 'Biology I', '4 credits', 3],
      ['CHEM 110', 'Chemistry', undefined, 1],
    ]);
    expect(courses[0]!.provenance).toMatchObject({ offerings: 'preset:banner', credit: 'preset:banner' });
  });
});
