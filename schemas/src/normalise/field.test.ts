import { describe, expect, it } from 'vitest';
import { FIELD_KEYWORDS } from './field-keywords.ts';
import { classifyField, expandFieldCodes, fieldName, ISCED_F, isFieldCode, narrowerFields } from './field.ts';

/** title | subject labels | keywords, as buildCourse joins them */
const rows: [string, string[]][] = [
  ['Introduction to Data Science with Python', ['0613', '0542']],
  ['Machine Learning | Artificial Intelligence | Deep Learning', ['0613']],
  ['Full Stack Web Development Bootcamp', ['0613']],
  ['JavaScript and TypeScript for Beginners', ['0613']],
  ['C++ Programming | C#', ['0613']],
  ['Cyber Security Essentials | IT', ['0612']],
  ['AWS Cloud Practitioner', ['0612']],
  ['SQL for Data Analysis', ['0612', '0542']],
  ['Microsoft Excel: Intermediate', ['0611']],
  ['IT Support Fundamentals', ['0612']],
  ['Learn it today', []],
  ['Digital Marketing Fundamentals', ['0414']],
  ['Social Media Marketing | SEO', ['0414']],
  ['Project Management Professional (PMP)', ['0413']],
  ['Leadership and People Management', ['0413']],
  ['Financial Accounting', ['0411']],
  ['Bookkeeping with Xero', ['0411']],
  ['Introduction to Investment Banking', ['0412']],
  ['Contract Law for Managers', ['0421']],
  ['Retail Sales and Customer Service', ['0416']],
  ['Employability: CV Writing and Interview Skills', ['0417']],
  ['Certificate IV in Training and Assessment', ['0113']],
  ['TESOL Certificate', ['0114']],
  ['Early Childhood Education and Care', ['0112']],
  ['Instructional Design for Online Learning', ['0111']],
  ['Graphic Design with Adobe Photoshop', ['0211']],
  ['UX Design Bootcamp', ['0212']],
  ['Spanish for Beginners', ['0231']],
  ['IELTS Preparation | English Language', ['0231']],
  ['Creative Writing: Short Fiction', ['0232']],
  ['Philosophy and Ethics of AI', ['0223', '0613']],
  ['Ancient History: Rome', ['0222']],
  ['Introduction to Psychology', ['0313']],
  ['Behavioural Economics', ['0311']],
  ['Public Policy and Governance', ['0312']],
  ['Climate Change and Sustainability', ['0521']],
  ['Wildlife Conservation', ['0522']],
  ['Quantum Physics for Everyone', ['0533']],
  ['Statistics with R Programming', ['0542']],
  ['Linear Algebra', ['0541']],
  ['Solar PV Installation', ['0713']],
  ['Welding and Fabrication', ['0715']],
  ['Electric Vehicle Maintenance', ['0716']],
  ['PLC Programming and Industrial Automation', ['0714', '0613']],
  ['Food Safety (HACCP) Level 2', ['0721', '1013']],
  ['Building Information Modelling (BIM)', ['0732']],
  ['Urban Planning and Design', ['0731']],
  ['Sustainable Agriculture', ['0521', '0811']],
  ['Horticulture: Garden Design', ['0812']],
  ['Vet Nursing Assistant', ['0841']],
  ['Graduate Certificate in Nursing | Health', ['0913']],
  ['Mental Health First Aid', ['0923']],
  ['Physiotherapy Refresher', ['0915']],
  ['Pharmacology Essentials', ['0916']],
  ['Certificate III in Individual Support (Ageing, Disability)', ['0921']],
  ['Barista Skills', ['1013']],
  ['Commercial Cookery', ['1013']],
  ['Personal Trainer Certification', ['1014']],
  ['Event Management', ['1015']],
  ['Work Health and Safety (WHS)', ['1022']],
  ['Forklift Licence', ['1041']],
  ['Hairdressing and Barbering', ['1012']],
  ['Security Guard Licence', ['1032']],
  ['Public Speaking and Presentation Skills', ['0031']],
  ['Adult Literacy and Numeracy', ['0021']],
  ['Business | Management | Marketing', ['0413', '0414']],
  ['Health', ['091']],
  ['Engineering', ['071']],
  ['', []],
  ['Lorem ipsum', []],
];

describe('classifyField', () => {
  it.each(rows)('%j', (text, expected) => {
    expect(classifyField(text)).toEqual(expected);
  });

  it('returns at most four codes, most-mentioned first', () => {
    const codes = classifyField('Python | Python | SQL | Excel | Marketing | Nursing | Welding | Barista');
    expect(codes).toHaveLength(4);
    expect(codes[0]).toBe('0613');
  });

  it('keeps every keyword pointing at a real ISCED-F code', () => {
    for (const code of Object.keys(FIELD_KEYWORDS)) expect(isFieldCode(code), code).toBe(true);
  });
});

describe('ISCED-F 2013 taxonomy', () => {
  it('ships 11 broad, 29 narrow and 80 detailed fields plus inter-disciplinary and unknown fields', () => {
    const count = (level: string, filter: (code: string) => boolean) =>
      ISCED_F.filter((field) => field.level === level && filter(field.code)).length;
    const core = (code: string) => !code.startsWith('99') && !/8$/.test(code.slice(0, 3));
    expect(count('broad', (code) => code !== '99')).toBe(11);
    expect(count('narrow', core)).toBe(29);
    expect(count('detailed', core)).toBe(80);
    expect(count('detailed', (code) => /^\d\d88$/.test(code))).toBe(10);
  });

  it.each([
    ['06', 'Information and Communication Technologies (ICTs)'],
    ['061', 'Information and Communication Technologies (ICTs)'],
    ['0613', 'Software and applications development and analysis'],
    ['0413', 'Management and administration'],
    ['0912', 'Medicine'],
    ['1022', 'Occupational health and safety'],
    ['0288', 'Inter-disciplinary programmes and qualifications involving arts and humanities'],
    ['0610', 'Information and Communication Technologies (ICTs) not further defined'],
    ['0619', 'Information and Communication Technologies (ICTs) not elsewhere classified'],
    ['020', 'Arts and humanities not further defined'],
    ['0200', 'Arts and humanities not further defined'],
    ['9999', 'Field unknown'],
  ])('names %s', (code, name) => {
    expect(fieldName(code)).toBe(name);
  });

  it.each(['', '1', '0614', '1234', '0', 'ab', '06130'])('has no name for %j', (code) => {
    expect(fieldName(code)).toBeNull();
  });

  it('expands codes with every broader code so a broad filter matches detailed fields', () => {
    expect(expandFieldCodes(['0613', '0542'])).toEqual(['06', '061', '0613', '05', '054', '0542']);
    expect(expandFieldCodes(['041', '0413'])).toEqual(['04', '041', '0413']);
    expect(expandFieldCodes(['x', '12345'])).toEqual([]);
  });

  it('lists the fields directly below a code', () => {
    expect(narrowerFields('06').map((field) => field.code)).toEqual(['061', '068']);
    expect(narrowerFields('')).toHaveLength(12);
  });
});
