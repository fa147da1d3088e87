import { el } from '../dom.ts';

/** Text with the words searched for in <mark>, built as text nodes: the text is never parsed as HTML. */
export function marked(text: string, ranges: [number, number][]): (string | HTMLElement)[] {
  const parts: (string | HTMLElement)[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end > text.length) continue;
    parts.push(text.slice(at, start), el('mark', {}, text.slice(start, end)));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.filter((part) => part !== '');
}
