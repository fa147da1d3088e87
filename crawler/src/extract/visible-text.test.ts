import { describe, expect, it } from 'vitest';
import { parseHtml } from './page-elements.ts';
import { visibleLines, visibleText } from './visible-text.ts';

describe('visible text', () => {
  it('reads lines as a visitor sees them: blocks and line breaks split, whitespace of any kind collapses', () => {
    const page = parseHtml(
      '<div>  Duration:\u00a0\u00a06 weeks </div><p>Cost:\t£450<br>\r\n  per\u2003person</p>' +
        '<span>Level: </span><b>Beginner</b>\n\nStarts\n  4 May<script>var x = 1;</script><p hidden>secret</p>',
    );

    expect(visibleLines(page)).toEqual([
      'Duration: 6 weeks',
      'Cost: £450',
      'per person',
      'Level: Beginner',
      'Starts',
      '4 May',
    ]);
  });

  it('keeps characters that only look like space, and joins an element onto one line', () => {
    const page = parseHtml('<li>Zero\u200bwidth</li><li>two<br>lines</li>');

    expect(visibleLines(page)).toEqual(['Zero\u200bwidth', 'two', 'lines']);
    expect(visibleText(page)).toBe('Zero\u200bwidth two lines');
  });
});
