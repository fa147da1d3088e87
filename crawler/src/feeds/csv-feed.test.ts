import { describe, expect, it } from 'vitest';
import { templateCsv } from './csv-writer.ts';
import { failureOf, inChunks, readTestFeed } from './test-feeds.ts';

const HEADER = 'course_id,title,url,duration,cost,mode';

describe('CSV feeds', () => {
  it('reads the template: one course per example row, lists split, the withdrawn row kept as withdrawn', async () => {
    const { feed, rows, courses } = await readTestFeed(templateCsv());
    expect(feed.format).toBe('csv');
    expect(rows.map((row) => row.row)).toEqual([2, 3, 4, 5]);
    const [analytics, ux, cyber, old] = courses;
    expect(analytics).toMatchObject({
      title: 'Data Analytics with Python',
      cost: { amount: 450, currency: 'GBP', freeClass: 'paid' },
      duration: { minWeeks: 8, maxWeeks: 8 },
      workload: { hoursPerWeek: { min: 5, max: 6 } },
      delivery: { mode: 'online', pacing: 'scheduled' },
      level: { eqf: 5 },
      startDates: ['2026-09-14', '2027-01-11'],
      learningOutcomes: [
        'Clean and join data sets with pandas',
        'Build charts that answer a business question',
      ],
      source: 'feed',
      status: 'active',
    });
    expect(analytics!.provenance.title).toBe('feed');
    expect(ux).toMatchObject({
      cost: { freeClass: 'free-audit-paid-certificate', amount: 49 },
      delivery: { pacing: 'self_paced' },
    });
    expect(cyber).toMatchObject({
      credit: { value: 5, system: 'ECTS' },
      level: { eqf: 6 },
      location: { city: 'Dublin', country: 'IE' },
    });
    expect(cyber!.completeness.score).toBe(100);
    expect(old!.status).toBe('withdrawn');
  });

  it('reads UTF-8 with a BOM, semicolons, CRLF and quoted cells that span lines, numbering rows by their first line', async () => {
    const csv =
      '\uFEFFcourse_id;title;url;description;cost\r\n' +
      'A1;"Welding; Level 1";https://www.northbridge.example/a1;"First line\r\nsecond line with ""quotes""";€300\r\n' +
      '\r\n' +
      'A2;Plumbing;https://www.northbridge.example/a2;Short;€250\r\n';
    const { feed, rows, courses } = await readTestFeed(new TextEncoder().encode(csv));
    expect(feed.encoding).toBe('utf-8');
    expect(feed.notes.delimiter).toBe(';');
    expect(rows.map((row) => row.row)).toEqual([2, 5]);
    expect(courses[0]!.title).toBe('Welding; Level 1');
    expect(courses[0]!.description).toBe('First line second line with "quotes"');
    expect(courses[1]!.cost).toMatchObject({ amount: 250, currency: 'EUR' });
  });

  it('reads UTF-16 (with and without a byte order mark), tab-separated', async () => {
    const csv = 'title\turl\tcity\nÜbersetzen für Profis\thttps://www.northbridge.example/u\tMünchen\n';
    const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
    for (const bytes of [withBom, Buffer.from(csv, 'utf16le')]) {
      const { feed, courses } = await readTestFeed(bytes);
      expect(feed.encoding).toBe('utf-16le');
      expect(feed.notes.delimiter).toBe('\t');
      expect(courses[0]).toMatchObject({ title: 'Übersetzen für Profis', location: { city: 'München' } });
    }
  });

  it('reads Windows-1252, also when the first non-ASCII byte comes after the part used for detection', async () => {
    const latin = (text: string) => Buffer.from(text, 'latin1');
    const euro = Buffer.from([0x80]);
    const head = latin('title,url,cost\nCaf\xe9 Management,https://www.northbridge.example/cafe,');
    const { feed, courses } = await readTestFeed(Buffer.concat([head, euro, latin('1.200\n')]));
    expect(feed.encoding).toBe('windows-1252');
    expect(courses[0]).toMatchObject({ title: 'Café Management', cost: { amount: 1200, currency: 'EUR' } });

    const filler = Array.from(
      { length: 1200 },
      (_, i) => `Course ${i},https://www.northbridge.example/c${i},100\n`,
    ).join('');
    const late = Buffer.concat([
      latin(`title,url,cost\n${filler}Cr\xe8che Skills,https://www.northbridge.example/creche,\xa3450\n`),
    ]);
    const read = await readTestFeed(inChunks(late, 16 * 1024));
    expect(read.courses.at(-1)).toMatchObject({
      title: 'Crèche Skills',
      cost: { amount: 450, currency: 'GBP' },
    });
  });

  it('gives the same rows however the bytes are split into chunks', async () => {
    const csv = `${HEADER}\r\nC1,"Multi\r\nline ""quoted"" title",https://www.northbridge.example/c1,6 weeks,£100,Online\r\nC2,Zürich Café,https://www.northbridge.example/c2,3 months,€90,Blended\r\n`;
    const whole = await readTestFeed(csv);
    const bytes = new TextEncoder().encode(csv);
    for (const size of [1, 2, 3, 7]) {
      const split = await readTestFeed(inChunks(bytes, size));
      expect(split.rows.map((row) => [row.row, row.course?.title])).toEqual(
        whole.rows.map((row) => [row.row, row.course?.title]),
      );
    }
    expect(whole.courses.map((course) => course.title)).toEqual(['Multi line "quoted" title', 'Zürich Café']);
  });

  it('matches headers ignoring case, spaces and punctuation, and warns about columns it does not know', async () => {
    const csv =
      'Course Title,COURSE-URL,Price,Delivery Mode,Start Date,Internal Notes\nData Skills,https://www.northbridge.example/d,£200,Online,2026-03-02,call Jo\n';
    const { feed, courses } = await readTestFeed(csv);
    expect(courses[0]).toMatchObject({
      title: 'Data Skills',
      cost: { amount: 200 },
      delivery: { mode: 'online' },
      startDates: ['2026-03-02'],
    });
    expect(feed.notes.problems).toEqual([
      expect.objectContaining({
        row: 1,
        severity: 'warning',
        field: 'Internal Notes',
        message: expect.stringContaining('not a Shortlist column'),
      }),
    ]);
  });

  it('reads other column names through a mapping, and refuses a mapping onto an unknown column', async () => {
    const csv =
      'Kursname,Link,Preis,Interne Notiz\nDatenanalyse,https://www.northbridge.example/da,€400,intern\n';
    const mapping = { Kursname: 'title', Link: 'url', Preis: 'cost', 'Interne Notiz': 'ignore' };
    const { feed, courses } = await readTestFeed(csv, { mapping });
    expect(courses[0]).toMatchObject({ title: 'Datenanalyse', cost: { amount: 400, currency: 'EUR' } });
    expect(feed.notes.problems).toEqual([]);
    const refused = await failureOf(readTestFeed(csv, { mapping: { Kursname: 'titel' } }));
    expect(refused).toMatchObject({ parameter: 'mapping', message: expect.stringContaining('"titel"') });
  });

  it("reports every problem of every row at once, naming the row, the partner's own column and the value", async () => {
    const csv = [
      'Code,Name,Web page,Length,Price,Status',
      'A,Good course,https://www.northbridge.example/a,6 weeks,£100,active',
      'B,,https://www.northbridge.example/b,6 weeks,£100,',
      'C,Bad link,www.northbridge.example/c,a while,£100,',
      'A,Same id again,https://www.northbridge.example/a2,6 weeks,£100,',
      'D,Odd status,https://www.northbridge.example/d,6 weeks,£100,maybe',
      'E,Too many,https://www.northbridge.example/e,6 weeks,£100,,extra',
    ].join('\n');
    const { rows } = await readTestFeed(csv);
    const errors = rows.flatMap((row) =>
      row.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.field, p.value]),
    );
    expect(errors).toEqual([
      [3, 'Name', null],
      [4, 'Web page', 'www.northbridge.example/c'],
      [5, 'Code', 'A'],
      [6, 'Status', 'maybe'],
      [7, null, 'E,Too many,https://www.northbridge.example/e,6 weeks,£100,,extra'],
    ]);
    expect(rows.map((row) => row.course !== null)).toEqual([true, false, false, false, false, false]);
    const fifth = rows[3]!.problems.find((p) => p.severity === 'error')!;
    expect(fifth.message).toContain('already on row 2');
    const good = rows[0]!.problems;
    expect(good).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(
          /^Missing critical information \(completeness \d+%\): learning outcomes/,
        ),
      }),
    ]);
  });

  it('warns about values it could not understand, and keeps the row', async () => {
    const csv =
      'title,url,duration,cost,mode,start_dates,languages\nX,https://www.northbridge.example/x,a while,ask us,by carrier pigeon,next spring,Klingon\n';
    const { rows } = await readTestFeed(csv);
    expect(rows[0]!.course).not.toBeNull();
    const warned = rows[0]!.problems.filter((p) => p.field !== null).map((p) => [p.field, p.value]);
    expect(warned).toEqual([
      ['duration', 'a while'],
      ['cost', 'ask us'],
      ['mode', 'by carrier pigeon'],
      ['languages', 'Klingon'],
      ['start_dates', 'next'],
      ['start_dates', 'spring'],
    ]);
    expect(rows[0]!.problems[0]!.fix).toMatch(/6 weeks/);
  });
  it('reports the other problems of a rejected row too, and names documented columns the file lacks', async () => {
    const { rows } = await readTestFeed(
      'title,url,duration\n,https://www.northbridge.example/x,a while\nFine,https://www.northbridge.example/y,6 weeks\n',
    );
    expect(rows[0]!.problems.map((p) => [p.severity, p.field])).toEqual([
      ['error', 'title'],
      ['warning', 'duration'],
    ]);
    expect(rows[1]!.problems[0]!.fix).toMatch(
      /^Add learning_outcomes, workload, level, assessment, mode, quality_assurance, cost, start_dates, credit;/,
    );
  });
});

describe('malformed CSV is refused with the line to look at', () => {
  it('an unclosed quote names the line it opens on', async () => {
    const csv = `${HEADER}\nA,Fine,https://www.northbridge.example/a,6 weeks,£1,Online\nB,"Broken,https://www.northbridge.example/b,6 weeks,£1,Online\nC,Next,https://www.northbridge.example/c,6 weeks,£1,Online\n`;
    const error = await failureOf(readTestFeed(csv));
    expect(error.name).toBe('FeedError');
    expect(error.message).toMatch(/^Line 3: a quote opens a cell that is never closed/);
    expect(error.where).toEqual({ line: 3 });
    expect(error.fix).toContain('""');
  });

  it('text after a closing quote rejects that row and names the column', async () => {
    const csv = `${HEADER}\nA,"5" screen guide",https://www.northbridge.example/a,6 weeks,£1,Online\n`;
    const { rows } = await readTestFeed(csv);
    expect(rows[0]!.course).toBeNull();
    expect(rows[0]!.problems[0]).toMatchObject({
      row: 2,
      field: 'title',
      message: expect.stringContaining('closing quote'),
    });
  });

  it('a file with another delimiter (or none) is refused at line 1', async () => {
    const piped = await failureOf(readTestFeed('title|url|cost\nA|https://x.example/|1\n'));
    expect(piped.message).toMatch(/^Line 1 is a single column/);
    expect(piped.fix).toContain('"|"');
    const wrong = await failureOf(readTestFeed('title,url\nA,https://x.example/\n', { delimiter: ';' }));
    expect(wrong).toMatchObject({
      parameter: 'delimiter',
      message: expect.stringContaining('comma-separated'),
    });
  });

  it('a header without title or url is refused, listing the header it found', async () => {
    const error = await failureOf(readTestFeed('name_of_thing,link\nA,https://x.example/\n'));
    expect(error.message).toMatch(
      /Line 1: the header has no title column \(it has: "name_of_thing", "link"\)/,
    );
  });

  it('an empty file, a spreadsheet workbook and an HTML page are not feeds', async () => {
    expect((await failureOf(readTestFeed(''))).message).toMatch(/empty/);
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect((await failureOf(readTestFeed(xlsx))).message).toMatch(
      /not a feed: the file is a ZIP archive \(an Excel/,
    );
    expect(
      (await failureOf(readTestFeed('<!DOCTYPE html><html><body>Courses</body></html>'))).message,
    ).toMatch(/an HTML page/);
  });
});
