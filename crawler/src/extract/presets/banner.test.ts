import { describe, expect, it } from 'vitest';
import { extractPage } from '../index.ts';
import { coursesFromPage } from '../page-courses.ts';
import { fixturePage, presetPageCourses, testSource } from '../test-pages.ts';
import { readSectionHeading } from './banner.ts';

const LISTING = 'https://ssb.lakeshore.example/prod/bwckschd.p_get_crse_unsec';
const courses = (name: string, url = LISTING) => presetPageCourses(name, url);

describe('Banner preset: one course with many sections', () => {
  it('reads a schedule listing of three sections of one course as one course with three offerings', () => {
    const { courses: found, rejected } = courses('banner-one-course.html');
    expect(rejected).toEqual([]);
    expect(found).toHaveLength(1);
    const course = found[0]!;
    expect(course).toMatchObject({ title: 'Introduction to Biology', code: 'BIO 101' });
    expect(
      course.offerings?.map((offering) => [offering.reference, offering.section, offering.kind]),
    ).toEqual([
      ['40112', '001', 'Lecture'],
      ['40113', 'L01', 'Lab'],
      ['40147', 'W01', 'Lecture'],
    ]);
    expect(course.provenance).toMatchObject({ title: 'preset:banner', offerings: 'preset:banner' });
  });

  it('keeps the course worth 4 credits although its lab section is worth 0', () => {
    const course = courses('banner-one-course.html').courses[0]!;
    expect(course.credit).toMatchObject({ text: '4.000 Credits', value: 4 });
    expect(course.offerings?.[1]?.credit).toEqual({ text: '0.000 Credits', value: 0 });
  });

  it('summarises the sections: every start date, both modes (blended), the one real campus; no price', () => {
    const course = courses('banner-one-course.html').courses[0]!;
    expect(course.startDates).toEqual(['2026-08-24', '2026-08-25', '2026-10-19']);
    expect(course.delivery.mode).toBe('blended');
    expect(course.offerings?.map((offering) => offering.delivery.mode)).toEqual([
      'in_person',
      'in_person',
      'online',
    ]);
    // the online section's "campus" is no place
    expect(course.location.city).toBe('Main Campus');
    expect(course.cost).toMatchObject({ amount: null, currency: null, text: null });
  });

  it('gives each offering its dates, meeting times without the exam, and instructors without the (P) mark', () => {
    const [lecture, , online] = courses('banner-one-course.html').courses[0]!.offerings!;
    expect(lecture).toMatchObject({
      term: 'Fall 2026',
      startDate: '2026-08-24',
      endDate: '2026-12-11',
      schedule: 'MWF 9:00 am - 9:50 am',
      instructors: ['Dana Whitfield'],
      location: 'Main Campus',
    });
    expect(online).toMatchObject({ schedule: null, startDate: '2026-10-19', location: 'Online Campus' });
  });

  it('names the catalogue entry of the course as its URL, and says on the page which preset matched', () => {
    const extraction = extractPage(fixturePage('presets/banner-one-course.html'), LISTING);
    expect(extraction.preset).toBe('banner');
    expect(extraction.records[0]!.url).toBe(
      'https://ssb.lakeshore.example/prod/bwckctlg.p_display_courses?term_in=202610&one_subj=BIO&sel_crse_strt=101&sel_crse_end=101&sel_subj=&sel_levl=',
    );
  });
});

describe('Banner preset: several courses', () => {
  it('reads a listing of three different courses as three records, each with its own sections', () => {
    const found = courses('banner-several-courses.html').courses;
    expect(found.map((course) => [course.code, course.title, course.offerings?.length])).toEqual([
      ['BIO 101', 'Introduction to Biology', 3],
      ['CHEM 110', 'General Chemistry I', 1],
      ['ENGL 215', 'Writing for the Workplace - Technical Reports', 1],
    ]);
    const [, chemistry, writing] = found;
    expect(chemistry!.delivery.mode).toBe('blended');
    expect(chemistry!.offerings![0]!.instructors).toEqual(['Sam Okafor', 'Lee Ann Parr']);
    expect(writing!.credit.text).toBe('1.000 TO 3.000 Credits');
    expect(new Set(found.map((course) => course.id)).size).toBe(3);
  });
});

describe('Banner preset: section details and Banner 9', () => {
  it('reads "Detailed Class Information" as one course with one offering, and not its seat table', () => {
    const url = 'https://ssb.lakeshore.example/prod/bwckschd.p_disp_detail_sched?term_in=202720&crn_in=51820';
    const found = courses('banner-section-detail.html', url).courses;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      title: 'Data Analysis for Managers',
      code: 'BUS 240',
      url,
      delivery: { mode: 'online' },
      credit: { value: 3 },
    });
    expect(found[0]!.offerings).toEqual([
      expect.objectContaining({ reference: '51820', section: 'OL1', term: 'Spring 2027' }),
    ]);
    // the Registration Availability rows ("Seats", "Waitlist Seats") are not sections
    expect(found[0]!.title).not.toMatch(/Seats/);
  });

  it('reads the Banner 9 class search grid: a row per section, month-first dates, instructors from their links', () => {
    const url = 'https://reg.lakeshore.example/StudentRegistrationSsb/ssb/classSearch/classSearch';
    const found = courses('banner9-class-search.html', url).courses;
    expect(found).toHaveLength(1);
    const course = found[0]!;
    expect(course).toMatchObject({
      title: 'Principles of Marketing',
      code: 'MKTG 2010',
      credit: { value: 3 },
    });
    expect(course.startDates).toEqual(['2027-01-12', '2027-03-01']);
    expect(course.offerings).toEqual([
      expect.objectContaining({
        reference: '70011',
        section: 'A01',
        startDate: '2027-01-12',
        endDate: '2027-05-07',
        schedule: 'Tuesday,Thursday 10:00 AM - 11:15 AM',
        instructors: ['Osei, Rachel'],
        delivery: { text: 'Instructional Method: Face-to-Face', mode: 'in_person' },
      }),
      expect.objectContaining({ reference: '70012', instructors: [], schedule: null }),
    ]);
    expect(course.delivery.mode).toBe('blended');
  });
});

describe('Banner preset: a schedule that shows no instructional method', () => {
  const withoutMethods = () =>
    fixturePage('presets/banner-one-course.html').replace(/\n\w+ Instructional Method\n<br \/>/g, '');

  it('takes an online campus for the mode, never a campus that only says where, and leaves the course unknown', () => {
    const url = 'https://ssb.lakeshore.example/prod/bwckschd.p_get_crse_unsec';
    const course = coursesFromPage(withoutMethods(), url, testSource(), '2026-07-02T09:00:00.000Z')
      .courses[0]!;
    expect(course.offerings?.map((offering) => offering.delivery)).toEqual([
      { text: null, mode: null },
      { text: null, mode: null },
      { text: 'Online Campus', mode: 'online' },
    ]);
    // two sections do not say: one online section cannot speak for the course
    expect(course.delivery).toMatchObject({ text: null, mode: null });
  });
});

describe('Banner preset: Look Up Classes', () => {
  it('reads the wide grid: a row per section, a row without a CRN as another meeting, each course once', () => {
    const url = 'https://ssb.example.edu/prod/bwskfcls.P_GetCrse';
    const found = courses('banner-look-up-classes.html', url).courses;
    expect(found.map((course) => [course.code, course.title, course.credit.value])).toEqual([
      ['NURS 1050', 'FOUNDATIONS OF NURSING PRACTICE', 4],
      ['NURS 1051', 'FOUNDATIONS NURSING LAB', 0],
    ]);
    expect(found[0]!.offerings).toEqual([
      expect.objectContaining({
        reference: '31001',
        section: '01',
        schedule: 'MW 08:00 am-09:50 am; F 07:00 am-01:00 pm',
        instructors: ['Alma Reyes', 'Tom Birch'],
        // a one-letter campus code is no place
        location: null,
      }),
      expect.objectContaining({ reference: '31002', section: '02', instructors: ['Grace Liu'] }),
    ]);
    expect(found[1]!.offerings?.[0]?.instructors).toEqual([]);
  });
});

describe('Banner preset: catalogue entries', () => {
  it('reads each entry of "Catalog Entries": code and title apart, description, credit hours, its own page', () => {
    const entry = (code: string, title: string, text: string, credits: string) => `<tr>
<td class="nttitle" scope="colgroup"><a href="/prod/bwckctlg.p_disp_course_detail?cat_term_in=202710&amp;subj_code_in=${code.split(' ')[0]}&amp;crse_numb_in=${code.split(' ')[1]}">${code} - ${title}</a></td>
</tr>
<tr>
<td class="ntdefault">
${text}
<br>
    ${credits} Credit hours
<br>
    3.000 Lecture hours
<br>
<br>
<span class="fieldlabeltext">Levels: </span>Undergraduate
<br>
</td>
</tr>`;
    const html = `<html><head><title>Catalog Entries</title></head><body><div class="pagebodydiv">
<table class="datadisplaytable" summary="This table lists all course detail for the selected term." width="100%">
${entry('HIST 1301', 'United States History I', 'The colonial period through Reconstruction.', '3.000')}
${entry('HIST 1302', 'United States History II', 'Reconstruction to the present.', '3.000')}
</table></div></body></html>`;
    const url = 'https://ssb.lakeshore.example/prod/bwckctlg.p_display_courses?term_in=202710&one_subj=HIST';
    const found = coursesFromPage(html, url, testSource(), '2026-07-02T09:00:00.000Z').courses;
    expect(
      found.map((course) => [course.code, course.title, course.credit.value, course.description]),
    ).toEqual([
      ['HIST 1301', 'United States History I', 3, 'The colonial period through Reconstruction.'],
      ['HIST 1302', 'United States History II', 3, 'Reconstruction to the present.'],
    ]);
    expect(found[0]!.url).toBe(
      'https://ssb.lakeshore.example/prod/bwckctlg.p_disp_course_detail?cat_term_in=202710&subj_code_in=HIST&crse_numb_in=1301',
    );
    expect(found[0]!.provenance.title).toBe('preset:banner');
  });
});

describe('readSectionHeading', () => {
  it.each([
    ['Introduction to Biology - 12345 - BIO 101 - 001', 'Introduction to Biology', '12345', 'BIO 101', '001'],
    ['SURVEY OF ACCT PRIN - 10001 - ACCT 209 - 501', 'SURVEY OF ACCT PRIN', '10001', 'ACCT 209', '501'],
    [
      'Principles of Accounting - Financial\nTraditional - 19352 - ACCT 2301 - 101',
      'Principles of Accounting - Financial',
      '19352',
      'ACCT 2301',
      '101',
    ],
    ['Natural Language - 89627 - CS 7650 - O01', 'Natural Language', '89627', 'CS 7650', 'O01'],
  ])('reads %j', (text, title, reference, code, section) => {
    expect(readSectionHeading(text)).toEqual({ title, reference, code, section });
  });

  it('reads no heading out of a label that is not one', () => {
    expect(readSectionHeading('Waitlist Seats')).toBeUndefined();
    expect(readSectionHeading('Term - Fall 2026')).toBeUndefined();
  });
});
