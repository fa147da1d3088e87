import { describe, expect, it } from 'vitest';
import { toPlainText } from './plain-text.ts';
import { cpuTimeMs } from '../testing.ts';

const rows: [string, string | null][] = [
  // text shown on the page that looks like markup stays visible, and is never parsed as a tag
  ['Learn why &lt;script&gt;alert(1)&lt;/script&gt; is bad', 'Learn why <script>alert(1)</script> is bad'],
  ['Use the &lt;div&gt; element', 'Use the <div> element'],
  ['&amp;lt;b&amp;gt; is escaped twice', '&lt;b&gt; is escaped twice'],
  ['if a &lt; b &amp;&amp; b &gt; c', 'if a < b && b > c'],
  ['x < y and y > z', 'x < y and y > z'],
  ['5 < 10', '5 < 10'],
  // real tags removed; block tags separate words, inline tags do not
  ['<p>Hello</p><p>world</p>', 'Hello world'],
  ['Line one<br>Line two<br/>Line three', 'Line one Line two Line three'],
  ['<ul><li>Python</li><li>SQL</li></ul>', 'Python SQL'],
  ['<b>Bold</b>text', 'Boldtext'],
  ['Hel<em>lo</em> there', 'Hello there'],
  ['<h2>Outcomes</h2><div>Analyse data</div>', 'Outcomes Analyse data'],
  ['<a href="/x" title="a > b">link</a>', 'link'],
  ["<img alt='logo'>After", 'After'],
  ['<script>alert(1)</script>Text', 'Text'],
  ['<SCRIPT type="text/javascript">var a = "<p>";</SCRIPT>Text', 'Text'],
  ['<style>.a { color: red }</style>Styled', 'Styled'],
  ['<noscript>Enable JS</noscript>Content', 'Content'],
  ['<!-- hidden -->Visible', 'Visible'],
  ['<![CDATA[Data]]>', 'Data'],
  ['<!DOCTYPE html><html><body>Body</body></html>', 'Body'],
  ['<table><tr><td>A</td><td>B</td></tr></table>', 'A B'],
  // entities: named, decimal, hex, Windows-1252
  ['Caf&eacute; &amp; cr&egrave;me', 'Café & crème'],
  ['&euro;450 &ndash; &pound;400', '€450 – £400'],
  ['&ldquo;Quoted&rdquo; and &lsquo;single&rsquo;', '“Quoted” and ‘single’'],
  ['Wait&hellip;', 'Wait…'],
  ['A&mdash;B', 'A—B'],
  ['&copy; 2026 Northbridge&reg; &trade;', '© 2026 Northbridge® ™'],
  ['&copy 2026', '© 2026'],
  ['Don&apos;t', "Don't"],
  ['It&#39;s', "It's"],
  ['&#8211; dash &#x2014; dash', '– dash — dash'],
  ['&#150; and &#147;quotes&#148;', '– and “quotes”'],
  ['&#128;50', '€50'],
  ['Na&iuml;ve fa&ccedil;ade, &Uuml;bung, &szlig;', 'Naïve façade, Übung, ß'],
  ['5 &times; 3 &divide; 2 &plusmn; 1', '5 × 3 ÷ 2 ± 1'],
  ['&frac12; day', '½ day'],
  ['AT&T R&D Q&A', 'AT&T R&D Q&A'],
  ['Fish &chips', 'Fish &chips'],
  ['&unknownentity; stays', '&unknownentity; stays'],
  ['&#0; null', '\uFFFD null'],
  // whitespace
  ['  many   spaces\n\tand\r\nlines  ', 'many spaces and lines'],
  ['non&nbsp;breaking&nbsp;space', 'non breaking space'],
  ['zero\u200Bwidth\uFEFF', 'zerowidth'],
  ['soft&shy;hyphen', 'softhyphen'],
  // template placeholders are missing values
  ['{{startdate}}', null],
  ['{{ course.price }}', null],
  ['{startDate}', null],
  ['[[date]]', null],
  ['%DATE%', null],
  ['%%PRICE%%', null],
  ['${price}', null],
  ['{% if free %}', null],
  ['<<date>>', null],
  ['&lt;&lt;date&gt;&gt;', null],
  ['[Insert date here]', null],
  ['[TBC]', null],
  ['__COURSE_TITLE__', null],
  ['Starts {{startdate}}', 'Starts'],
  ['Next intake: {startDate} (apply now)', 'Next intake: (apply now)'],
  ['100% online, 50% discount', '100% online, 50% discount'],
  // nothing readable
  ['TBC', null],
  ['TBA', null],
  ['N/A', null],
  ['To be confirmed', null],
  ['null', null],
  ['undefined', null],
  ['[object Object]', null],
  ['-', null],
  ['...', null],
  ['<p></p>', null],
  ['&nbsp;', null],
  ['', null],
  ['None', 'None'],
  ['Lorem ipsum dolor sit amet', null],
];

describe('toPlainText', () => {
  it.each(rows)('%j', (html, expected) => {
    expect(toPlainText(html)).toBe(expected);
  });

  it('handles very long and unterminated markup in linear time', () => {
    const long = `<p>${'word &amp; '.repeat(50_000)}</p>`;
    const hostile = `${'<a title="'.repeat(5_000)}${'&'.repeat(5_000)}<script>`;
    const spent = cpuTimeMs(() => {
      expect(toPlainText(long)?.length).toBe(50_000 * 7 - 1);
      expect(() => toPlainText(hostile)).not.toThrow();
    });
    expect(spent).toBeLessThan(2000);
  });

  it('returns null for values that are not text', () => {
    expect(toPlainText(null)).toBeNull();
    expect(toPlainText(5 as unknown as string)).toBeNull();
  });
});
