import { FEED_COLUMNS } from './csv-columns.ts';

/** One CSV line (CRLF-terminated, as spreadsheets expect); cells with a delimiter, quote or line break are quoted. */
export function csvLine(cells: readonly (string | null | undefined)[], delimiter = ','): string {
  return (
    cells
      .map((cell) => {
        const text = cell ?? '';
        // a leading = + - @ would run as a formula when the partner opens the file in a spreadsheet;
        // only a whole number is sure to be nothing more (`-1+cmd|' /C calc'!A0` starts like one)
        const safe = /^[=+\-@\t\r]/.test(text) && !/^-\d+$/.test(text) ? `'${text}` : text;
        return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
      })
      .join(delimiter) + '\r\n'
  );
}

/** One example row per common case, in the order of FEED_COLUMNS. */
const EXAMPLES: Record<string, string>[] = [
  {
    course_id: 'DA-101',
    title: 'Data Analytics with Python',
    url: 'https://www.example.ac.uk/courses/data-analytics-python',
    summary: 'Clean, analyse and visualise data with Python.',
    learning_outcomes: 'Clean and join data sets with pandas | Build charts that answer a business question',
    subjects: 'Data analysis; Computing',
    keywords: 'python; pandas; data',
    skills: 'Python; Data visualisation',
    duration: '8 weeks',
    workload: '5-6 hours per week',
    cost: '450',
    currency: 'GBP',
    mode: 'online',
    pacing: 'scheduled',
    country: 'GB',
    level: 'EQF 5',
    credit: '10 CATS',
    credential: 'Certificate of completion',
    assessment: 'Project and online quiz',
    quality_assurance: 'Validated by the University Senate',
    languages: 'en',
    start_dates: '2026-09-14; 2027-01-11',
    enrolment_url: 'https://www.example.ac.uk/apply/DA-101',
  },
  {
    course_id: 'UX-FREE',
    title: 'Introduction to UX Design',
    url: 'https://www.example.ac.uk/courses/ux-intro',
    summary: 'A free, self-paced first look at user experience design.',
    duration: 'self-paced, about 4 weeks',
    workload: '2 hours per week',
    cost: 'Free to audit, certificate £49',
    mode: 'online',
    pacing: 'self-paced',
    level: 'introductory',
    credit: 'none',
    credential: 'Digital badge',
    assessment: 'Online quiz',
    languages: 'en',
  },
  {
    course_id: 'MC-CYBER',
    title: 'Micro-credential in Cyber Security Operations',
    url: 'https://www.example.ac.uk/courses/cyber-ops',
    learning_outcomes: 'Monitor a network for intrusions | Respond to a security incident',
    duration: '12 weeks',
    workload: '125 hours',
    cost: '€1,200',
    mode: 'blended',
    city: 'Dublin',
    country: 'IE',
    level: 'EQF 6',
    credit: '5 ECTS',
    credential: 'Micro-credential',
    assessment: 'Practical exam',
    quality_assurance: 'QQI accredited',
    endorsement: 'Endorsed by Cyber Ireland',
    prerequisites: 'A degree in computing or two years in IT',
    languages: 'en',
    start_dates: '2026-10-05',
  },
  {
    course_id: 'OLD-202',
    title: 'Spreadsheet Basics (discontinued)',
    url: 'https://www.example.ac.uk/courses/spreadsheets',
    status: 'withdrawn',
  },
];

/** `GET /v1/partner/template.csv`: the documented columns and one example row per common case. */
export function templateCsv(): string {
  const names = FEED_COLUMNS.map((column) => column.name);
  return [
    csvLine(names),
    ...EXAMPLES.map((example) => csvLine(names.map((name) => example[name] ?? ''))),
  ].join('');
}
