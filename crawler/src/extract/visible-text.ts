import { isElement } from './dom.ts';
import type { DomNode } from './dom.ts';

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
 */
export function visibleLines(node: DomNode): string[] {
  const parts: string[] = [];
  // an explicit stack, so a page with thousands of unclosed tags cannot overflow the call stack
  const stack: (DomNode | typeof LINE_BREAK)[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current === LINE_BREAK) {
      parts.push('\n');
      continue;
    }
    if (current.nodeType === 3 && 'data' in current) {
      parts.push(current.data);
      continue;
    }
    if (isElement(current)) {
      const name = current.tagName.toLowerCase();
      if (HIDDEN.has(name) || current.attribs.hidden !== undefined) continue;
      if (BLOCK.has(name)) {
        parts.push('\n');
        stack.push(LINE_BREAK);
      }
    }
    if ('children' in current)
      for (let index = current.children.length - 1; index >= 0; index--) stack.push(current.children[index]!);
  }
  return parts
    .join('')
    .replace(/[^\S\n]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** An element's visible text on one line. */
export function visibleText(node: DomNode): string {
  return visibleLines(node).join(' ');
}
