import { describe, expect, it } from 'vitest';
import { csvLine } from './csv-writer.ts';

describe('CSV written for spreadsheets', () => {
  it('neutralises every cell a spreadsheet would run as a formula, and lets whole numbers through', () => {
    const cells = [
      "-1+cmd|' /C calc'!A0",
      '=HYPERLINK("https://evil.example","click")',
      '+1+1',
      '@SUM(A1:A2)',
      '-2.5e3+1',
      '\t=1',
      '-12',
      '42',
      'plain text',
    ];
    expect(csvLine(cells)).toBe(
      [
        `'-1+cmd|' /C calc'!A0`,
        `"'=HYPERLINK(""https://evil.example"",""click"")"`,
        `'+1+1`,
        `'@SUM(A1:A2)`,
        `'-2.5e3+1`,
        `'\t=1`,
        '-12',
        '42',
        'plain text',
      ].join(',') + '\r\n',
    );
  });
});
