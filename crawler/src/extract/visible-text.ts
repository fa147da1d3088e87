import { collapseWhitespace } from './course-record.ts';
import { isElement } from './dom.ts';
import type { DomElement, DomNode } from './dom.ts';

const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'iframe', 'object']);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'option',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
const LINE_BREAK = Symbol('line break');

/**
 * The text a reader sees, with a line break wherever a block starts or ends. Text nodes come from the parser
 * with entities decoded, so `&lt;script&gt;` reads as the literal characters `<script>`; markup never leaks in.
 * Elements in `skip` are left out.
 */
export function visibleLines(node: DomNode, skip?: ReadonlySet<DomElement>): string[] {
  const lines = new LineCollector();
  // an explicit stack, so a page with thousands of unclosed tags cannot overflow the call stack
  const stack: (DomNode | typeof LINE_BREAK)[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current === LINE_BREAK) {
      lines.end();
      continue;
    }
    if (current.nodeType === 3 && 'data' in current) {
      lines.add(current.data);
      continue;
    }
    if (isElement(current)) {
      const name = current.tagName.toLowerCase();
      if (HIDDEN.has(name) || current.attribs.hidden !== undefined || skip?.has(current)) continue;
      if (BLOCK.has(name)) {
        lines.end();
        stack.push(LINE_BREAK);
      }
    }
    if ('children' in current)
      for (let index = current.children.length - 1; index >= 0; index--) stack.push(current.children[index]!);
  }
  lines.end();
  return lines.lines;
}

/**
 * Text in, trimmed lines out, each run of whitespace one space. A line's text nodes are joined as they come and
 * tidied once when the line ends: one regular expression per line beats a pass over every character and a string
 * per word, and most lines need no tidying at all.
 */
class LineCollector {
  readonly lines: string[] = [];
  private line = '';

  add(text: string): void {
    this.line += text;
  }

  end(): void {
    const text = this.line;
    if (!text) return;
    this.line = '';
    if (text.includes('\n')) for (const part of text.split('\n')) this.push(part);
    else this.push(text);
  }

  private push(text: string): void {
    const tidy = NEEDS_TIDYING.test(text) ? collapseWhitespace(text) : text;
    if (tidy) this.lines.push(tidy);
  }
}

/** Whitespace at either end, two in a row, or any but a plain space; `\s` as `trim` and `collapseWhitespace` see it. */
const NEEDS_TIDYING = /^\s|\s$|\s\s|[^\S ]/;

/** An element's visible text on one line. */
export function visibleText(node: DomNode): string {
  return visibleLines(node).join(' ');
}
